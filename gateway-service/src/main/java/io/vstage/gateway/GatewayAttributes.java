package io.vstage.gateway;

/**
 * Names of the exchange attributes that vstage's filters hand to each other.
 */
public final class GatewayAttributes {

	/**
	 * The request id ({@code String}); also the key of the Reactor context entry that
	 * carries it to the gateway's own calls to the key manager.
	 */
	public static final String REQUEST_ID = "vstage.requestId";

	/**
	 * The authenticated {@code io.vstage.gateway.auth.Principal}, absent on open routes.
	 */
	public static final String PRINCIPAL = "vstage.principal";

	/** The quota reservation id ({@code UUID}) of a generation request. */
	public static final String RESERVATION_ID = "vstage.reservationId";

	/** Units reserved for a generation request ({@code Integer}). */
	public static final String RESERVED_UNITS = "vstage.reservedUnits";

	/** Slug of the problem the gateway answered with ({@code String}), if it refused. */
	public static final String PROBLEM = "vstage.problem";

	private GatewayAttributes() {
	}

}
