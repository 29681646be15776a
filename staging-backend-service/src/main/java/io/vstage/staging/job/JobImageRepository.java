package io.vstage.staging.job;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface JobImageRepository extends JpaRepository<JobImage, String> {

	List<JobImage> findByJobIdOrderByPosition(String jobId);

	List<JobImage> findByJobIdInOrderByPosition(Collection<String> jobIds);

	List<JobImage> findByStatusIn(Collection<ImageStatus> statuses);

}
