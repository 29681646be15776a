package io.vstage.keys.quota;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal quota API for the gateway (reserve) and the staging backend (refund). */
@RestController
@RequestMapping("/internal/v1/quota")
class QuotaController {

	private final QuotaService quotas;

	QuotaController(QuotaService quotas) {
		this.quotas = quotas;
	}

	@PostMapping("/reservations")
	ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReserveRequest request) {
		Reserved reserved = this.quotas.reserve(request.reservationId(), request.keyId(), request.units());
		Reservation r = reserved.reservation();
		ReservationView view = new ReservationView(r.id(), r.keyId(), r.units(), r.day(), reserved.remainingToday(),
				reserved.resetsAt(), r.state());
		return ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@PostMapping("/reservations/{reservationId}/refund")
	Refunded refund(@PathVariable UUID reservationId, @Valid @RequestBody RefundRequest request) {
		return this.quotas.refund(reservationId, request.units());
	}

	@GetMapping("/{keyId}")
	LiveQuota live(@PathVariable String keyId) {
		return this.quotas.live(keyId);
	}

	record ReserveRequest(@NotNull UUID reservationId, @NotBlank @Size(max = 64) String keyId,
			@NotNull @Min(1) @Max(1000) Integer units) {
	}

	record RefundRequest(@NotNull @Min(0) @Max(1000) Integer units) {
	}

	record ReservationView(String reservationId, String keyId, int units, String day, @Nullable Integer remainingToday,
			Instant resetsAt, String state) {
	}

}
