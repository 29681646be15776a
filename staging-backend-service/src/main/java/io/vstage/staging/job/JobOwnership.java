package io.vstage.staging.job;

import jakarta.persistence.PrePersist;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Stamps a new job with its owner's role and issuer from the request that submits it,
 * when the code that created the job did not ({@link StagingJob#ownedBy}). Only the
 * submitting request's own key is taken: a job saved outside a request, or for another
 * key, is left as it is (it then reads as reachable by its owner and the super admin
 * only).
 */
class JobOwnership {

	@PrePersist
	void stamp(StagingJob job) {
		if (job.hasOwnerRole()) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			Caller caller = Caller.of(jwt);
			if (caller.id().equals(job.getOwnerId())) {
				job.ownedBy(caller.owner());
			}
		}
	}

}
