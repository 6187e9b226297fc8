package dev.arena.bench;

import java.net.URI;
import java.util.List;

/** The server under load, from {@code --url}: scheme, host and port (a path in the URL is ignored). */
record Target(String url, String host, int port, boolean ssl) {

    /** Parses the URL or adds what is wrong with it to {@code errors} and returns null. */
    static Target parse(String url, List<String> errors) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            errors.add("--url: '" + url + "' is not a URL");
            return null;
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            errors.add("--url: the scheme must be http or https, was " + scheme);
            return null;
        }
        if (uri.getHost() == null) {
            errors.add("--url: '" + url + "' has no host");
            return null;
        }
        boolean ssl = "https".equals(scheme);
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String base = scheme + "://" + uri.getHost() + ":" + port;
        return new Target(base, uri.getHost(), port, ssl);
    }
}
