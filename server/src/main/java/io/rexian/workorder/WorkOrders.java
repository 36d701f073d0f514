package io.rexian.workorder;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The work-order aggregates. */
interface WorkOrders extends JpaRepository<WorkOrder, Long> {

    /** Loads and row-locks for one action, so two simultaneous actions apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WorkOrder w where w.id = :id")
    Optional<WorkOrder> findForUpdate(long id);
}
