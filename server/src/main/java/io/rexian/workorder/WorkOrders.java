package io.rexian.workorder;

import org.springframework.data.jpa.repository.JpaRepository;

/** The work-order aggregates. */
interface WorkOrders extends JpaRepository<WorkOrder, Long> {
}
