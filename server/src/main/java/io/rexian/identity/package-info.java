/**
 * Staff, organisation, permissions, sign-in and the audit log. Other modules use only the
 * types in this package: {@link io.rexian.identity.CurrentUser}, {@link io.rexian.identity.Permission},
 * {@link io.rexian.identity.Teams}, {@link io.rexian.identity.Users}, {@link io.rexian.identity.AuditLog}.
 */
package io.rexian.identity;
