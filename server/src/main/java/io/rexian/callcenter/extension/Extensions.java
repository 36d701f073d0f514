package io.rexian.callcenter.extension;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Extensions extends JpaRepository<Extension, String> {

    List<Extension> findAllByOrderByNumberAsc();

    List<Extension> findByOwnerIdOrderByNumberAsc(long ownerId);
}
