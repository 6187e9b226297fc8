package dev.arena.gateway.http;

import dev.arena.identity.CredentialRules;
import dev.arena.identity.IdentityService;
import dev.arena.identity.Role;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** {@code /auth/*}: register, login, guest login, refresh, logout (an admin's revoke is the console's, {@link AdminApi}). */
final class AuthApi {
    static final Pattern NO_CONTROL_CHARACTERS = Pattern.compile("[^\\p{Cc}]*");
    static final Pattern DEVICE_ID = Pattern.compile("[\\x21-\\x7E]+");

    private final IdentityService identity;
    /** Behind a reverse proxy: the client address comes from X-Forwarded-For (see ClientAddress). */
    private final boolean trustProxy;

    AuthApi(IdentityService identity, boolean trustProxy) {
        this.trustProxy = trustProxy;
        this.identity = identity;
    }

    void mount(Router router, Authenticator auth) {
        router.post("/auth/register").handler(this::register);
        router.post("/auth/login").handler(this::login);
        router.post("/auth/guest").handler(this::guest);
        router.post("/auth/refresh").handler(this::refresh);
        router.post("/auth/logout").handler(auth).handler(this::logout);
        router.post("/auth/logout-all").handler(auth).handler(this::logoutAll);
    }

    private void register(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("username", "password");
        String username = body.string("username", CredentialRules.USERNAME_MIN, CredentialRules.USERNAME_MAX,
                CredentialRules.USERNAME, CredentialRules.USERNAME_RULE);
        String password = body.string("password", CredentialRules.PASSWORD_MIN, CredentialRules.PASSWORD_MAX, null, null);
        body.validate();
        Handlers.respond(ctx, 201, identity.register(username, password));
    }

    private void login(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("username", "password");
        // Only shape is checked here: a login must not reveal the registration rules of a username.
        // Control characters are refused all the same: no username has them, and PostgreSQL cannot compare a NUL.
        String username = body.string("username", 1, 64, NO_CONTROL_CHARACTERS, "must not contain control characters");
        String password = body.string("password", 1, CredentialRules.PASSWORD_MAX, null, null);
        body.validate();
        Handlers.respond(ctx, 200, identity.login(username, password, ClientAddress.of(ctx.request(), trustProxy)));
    }

    private void guest(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("device_id");
        String device = body.string("device_id", 8, 128, DEVICE_ID, "must be printable ASCII without spaces");
        body.validate();
        Handlers.respond(ctx, 200, identity.guest(device, ClientAddress.of(ctx.request(), trustProxy)));
    }

    private void refresh(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("refresh_token");
        String token = body.string("refresh_token", 1, 256, null, null);
        body.validate();
        Handlers.respond(ctx, 200, identity.refresh(token));
    }

    private void logout(RoutingContext ctx) {
        Handlers.noContent(ctx, identity.logout(Handlers.principal(ctx)));
    }

    private void logoutAll(RoutingContext ctx) {
        Handlers.noContent(ctx, identity.revokeAll(Handlers.principal(ctx).playerId()));
    }
}
