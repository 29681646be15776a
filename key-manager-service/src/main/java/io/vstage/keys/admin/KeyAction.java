package io.vstage.keys.admin;

/** What a caller wants to do with keys; {@link KeyPolicy} says who may. */
enum KeyAction {

	CREATE_USER_KEY, CREATE_ADMIN_KEY, CREATE_SUPERADMIN_KEY, LIST, VIEW, VIEW_USAGE, EDIT, ROTATE, REVOKE, DELETE,
	READ_AUDIT

}
