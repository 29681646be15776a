package io.vstage.keys.admin;

import java.util.EnumSet;
import java.util.Set;

import io.vstage.keys.admin.KeyPolicy.Target;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.security.Caller;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the role table, allowed and denied. */
class KeyPolicyTests {

	private static final Caller USER = new Caller("11111111-1111-1111-1111-111111111111", KeyRole.USER, null);

	private static final Caller ADMIN = new Caller("22222222-2222-2222-2222-222222222222", KeyRole.ADMIN, null);

	private static final Caller SUPERADMIN = new Caller("superadmin", KeyRole.SUPERADMIN, null);

	private static final Caller SERVICE = new Caller("service:gateway", KeyRole.SERVICE, null);

	private static final Target OWN_USER_KEY = new Target("user-key-1", KeyRole.USER, ADMIN.subject());

	private static final Target OTHERS_USER_KEY = new Target("user-key-2", KeyRole.USER, "superadmin");

	private static final Target ADMIN_KEY = new Target("admin-key-2", KeyRole.ADMIN, "superadmin");

	private static final Set<KeyAction> ON_A_KEY = EnumSet.of(KeyAction.VIEW, KeyAction.VIEW_USAGE, KeyAction.EDIT,
			KeyAction.ROTATE, KeyAction.REVOKE, KeyAction.DELETE);

	@Nested
	class Users {

		@ParameterizedTest
		@EnumSource(KeyAction.class)
		void mayDoNoAdminAction(KeyAction action) {
			assertThat(KeyPolicy.allows(USER, action, null)).isFalse();
			assertThat(KeyPolicy.allows(USER, action, new Target(USER.subject(), KeyRole.USER, USER.subject())))
				.isFalse();
		}

	}

	@Nested
	class Admins {

		@Test
		void createUserKeysAndListKeys() {
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.CREATE_USER_KEY, null)).isTrue();
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.LIST, null)).isTrue();
		}

		@Test
		void createNeitherAdminNorSuperadminKeys() {
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.CREATE_ADMIN_KEY, null)).isFalse();
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.CREATE_SUPERADMIN_KEY, null)).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = KeyAction.class, names = { "VIEW", "VIEW_USAGE", "EDIT", "ROTATE", "REVOKE" })
		void manageUserKeysTheyCreated(KeyAction action) {
			assertThat(KeyPolicy.allows(ADMIN, action, OWN_USER_KEY)).isTrue();
		}

		@ParameterizedTest
		@EnumSource(value = KeyAction.class, names = { "VIEW", "VIEW_USAGE", "EDIT", "ROTATE", "REVOKE", "DELETE" })
		void doNotManageOtherKeys(KeyAction action) {
			assertThat(KeyPolicy.allows(ADMIN, action, OTHERS_USER_KEY)).isFalse();
			assertThat(KeyPolicy.allows(ADMIN, action, ADMIN_KEY)).isFalse();
			assertThat(KeyPolicy.allows(ADMIN, action, new Target("admin-key-3", KeyRole.ADMIN, ADMIN.subject())))
				.isFalse();
			assertThat(KeyPolicy.allows(ADMIN, action, null)).isFalse();
		}

		@Test
		void deleteNothingAndReadNoAudit() {
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.DELETE, OWN_USER_KEY)).isFalse();
			assertThat(KeyPolicy.allows(ADMIN, KeyAction.READ_AUDIT, null)).isFalse();
		}

	}

	@Nested
	class SuperAdmin {

		@ParameterizedTest
		@EnumSource(value = KeyAction.class, names = "CREATE_SUPERADMIN_KEY", mode = EnumSource.Mode.EXCLUDE)
		void mayDoEverythingOnAnyKey(KeyAction action) {
			for (Target target : new Target[] { OWN_USER_KEY, OTHERS_USER_KEY, ADMIN_KEY }) {
				assertThat(KeyPolicy.allows(SUPERADMIN, action, ON_A_KEY.contains(action) ? target : null)).isTrue();
			}
		}

		@Test
		void mayNotCreateSuperadminKeys() {
			assertThat(KeyPolicy.allows(SUPERADMIN, KeyAction.CREATE_SUPERADMIN_KEY, null)).isFalse();
			assertThat(KeyPolicy.creating(KeyRole.SUPERADMIN)).isEqualTo(KeyAction.CREATE_SUPERADMIN_KEY);
		}

	}

	@Nested
	class Services {

		@ParameterizedTest
		@EnumSource(KeyAction.class)
		void haveNoAdminRights(KeyAction action) {
			assertThat(KeyPolicy.allows(SERVICE, action, OTHERS_USER_KEY)).isFalse();
		}

	}

}
