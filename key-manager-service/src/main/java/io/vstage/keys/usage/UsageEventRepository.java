package io.vstage.keys.usage;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored usage events. */
public interface UsageEventRepository extends JpaRepository<UsageEvent, UUID> {

}
