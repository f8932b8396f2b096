package io.otelier.helper.tls.internal;

import java.security.KeyStore;
import java.security.Provider;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/** A {@link TrustManagerFactory} handing out one ready trust manager (its init methods do nothing). */
public final class FixedTrustManagerFactory extends TrustManagerFactory {

    private static final Provider PROVIDER = new Provider("OtelierTls", "0.1", "fixed trust managers") {
        private static final long serialVersionUID = 1L;
    };

    public FixedTrustManagerFactory(TrustManager manager) {
        super(new Spi(manager), PROVIDER, "Fixed");
    }

    private static final class Spi extends TrustManagerFactorySpi {
        private final TrustManager manager;

        Spi(TrustManager manager) {
            this.manager = manager;
        }

        @Override
        protected void engineInit(KeyStore ks) {
        }

        @Override
        protected void engineInit(ManagerFactoryParameters spec) {
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return new TrustManager[] {manager};
        }
    }
}
