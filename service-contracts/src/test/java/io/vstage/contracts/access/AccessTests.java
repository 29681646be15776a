package io.vstage.contracts.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTests {

	private static final Actor SUPER = new Actor("superadmin", Role.SUPERADMIN);

	private static final Actor ADMIN_X = new Actor("x", Role.ADMIN);

	private static final Actor USER_A = new Actor("a", Role.USER);

	private static final KeyOwner A_ISSUED_BY_X = new KeyOwner("a", Role.USER, "x");

	private static final KeyOwner B_ISSUED_BY_Y = new KeyOwner("b", Role.USER, "y");

	private static final KeyOwner ADMIN_Z_ISSUED_BY_X = new KeyOwner("z", Role.ADMIN, "x");

	private static final KeyOwner X_ITSELF = new KeyOwner("x", Role.ADMIN, "superadmin");

	private static final KeyOwner SUPER_ITSELF = new KeyOwner("superadmin", Role.SUPERADMIN, null);

	@Test
	void superAdminReachesEveryKeysResources() {
		assertThat(List.of(A_ISSUED_BY_X, B_ISSUED_BY_Y, ADMIN_Z_ISSUED_BY_X, X_ITSELF, SUPER_ITSELF))
			.allMatch((owner) -> Access.mayActOn(SUPER, owner));
	}

	@Test
	void adminReachesItsOwnAndTheUserKeysItIssuedOnly() {
		assertThat(Access.mayActOn(ADMIN_X, X_ITSELF)).isTrue();
		assertThat(Access.mayActOn(ADMIN_X, A_ISSUED_BY_X)).isTrue();
		assertThat(Access.mayActOn(ADMIN_X, B_ISSUED_BY_Y)).isFalse();
		assertThat(Access.mayActOn(ADMIN_X, ADMIN_Z_ISSUED_BY_X)).as("an admin key is not a user key it manages")
			.isFalse();
		assertThat(Access.mayActOn(ADMIN_X, SUPER_ITSELF)).isFalse();
	}

	@Test
	void userReachesItsOwnOnly() {
		assertThat(Access.mayActOn(USER_A, A_ISSUED_BY_X)).isTrue();
		assertThat(Access.mayActOn(USER_A, B_ISSUED_BY_Y)).isFalse();
		assertThat(Access.mayActOn(USER_A, X_ITSELF)).isFalse();
	}

	@Test
	void ownerWithUnknownIssuerIsReachedByItselfAndTheSuperAdminOnly() {
		KeyOwner unknown = new KeyOwner("old", Role.USER, null);
		assertThat(Access.mayActOn(new Actor("old", Role.USER), unknown)).isTrue();
		assertThat(Access.mayActOn(SUPER, unknown)).isTrue();
		assertThat(Access.mayActOn(ADMIN_X, unknown)).isFalse();
	}

	@Test
	void serviceCallersReachNoKeysResources() {
		Actor service = new Actor("service:gateway", Role.SERVICE);
		assertThat(Access.mayActOn(service, A_ISSUED_BY_X)).isFalse();
		assertThat(Access.manages(service, A_ISSUED_BY_X)).isFalse();
	}

	@Test
	void nobodyButTheSuperAdminManagesTheirOwnKey() {
		assertThat(Access.manages(ADMIN_X, X_ITSELF)).isFalse();
		assertThat(Access.manages(USER_A, A_ISSUED_BY_X)).isFalse();
		assertThat(Access.manages(ADMIN_X, A_ISSUED_BY_X)).isTrue();
		assertThat(Access.manages(ADMIN_X, B_ISSUED_BY_Y)).isFalse();
		assertThat(Access.manages(SUPER, X_ITSELF)).isTrue();
	}

	@Test
	void reachHasOneShapePerRole() {
		assertThat(Access.reachOf(SUPER)).isInstanceOf(Reach.Everything.class);
		assertThat(Access.reachOf(ADMIN_X)).isEqualTo(new Reach.OwnAndIssued("x"));
		assertThat(Access.reachOf(USER_A)).isEqualTo(new Reach.Own("a"));
	}

}
