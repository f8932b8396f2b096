package io.otelier.receiver.prometheus.internal;

import io.otelier.pdata.common.Resource;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Upstream's {@code CreateResource} with the {@code UseTargetUrlForServerAddress} gate off (its default):
 * {@code service.name} = job, {@code service.instance.id} = instance, {@code server.address} and
 * {@code server.port} split from the instance (the address only when it names a host other than loopback or
 * unspecified), {@code url.scheme} from the target's discovered {@code __scheme__}.
 */
final class ResourceFactory {

    private ResourceFactory() {
    }

    static void fill(Resource resource, String job, String instance, Labels discovered) {
        var attrs = resource.attributes();
        attrs.put("service.name", job);
        attrs.put("service.instance.id", instance);
        String[] hostPort = splitHostPort(instance);
        String host = hostPort == null ? instance : hostPort[0];
        String port = hostPort == null ? "" : hostPort[1];
        if (isDiscernibleHost(host)) {
            attrs.put("server.address", host);
        }
        attrs.put("server.port", port);
        attrs.put("url.scheme", discovered.get("__scheme__"));
    }

    /** Go's {@code net.SplitHostPort}: null when there is no port. */
    static String[] splitHostPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                return null;
            }
            return new String[] {hostPort.substring(1, close), hostPort.substring(close + 2)};
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.indexOf(':') != colon) {
            return null; // no port, or an unbracketed IPv6 address ("too many colons")
        }
        return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
    }

    static boolean isDiscernibleHost(String host) {
        if (host.equals("localhost")) {
            return false;
        }
        if (isIpLiteral(host)) {
            try {
                InetAddress ip = InetAddress.getByName(host); // a literal: no lookup
                return !ip.isLoopbackAddress() && !ip.isAnyLocalAddress();
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return false;
                }
            }
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
