/**
 * Generation jobs: upload checks, persistence, the dispatcher and the per-image pipeline.
 */
@NullMarked
package io.vstage.staging.job;

import org.jspecify.annotations.NullMarked;
