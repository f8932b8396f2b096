package io.otelier.extension.admin.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Stability;
import io.otelier.api.extension.Extension;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.runtime.admin.CollectorAdmin;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code otelier_admin}: ours, not upstream's (the {@code otelier_} prefix keeps it clear of any upstream
 * type). It needs the framework (bundles) and the runtime ({@link CollectorAdmin}), both reached through this
 * bundle's context, so unlike component bundles it imports OSGi.
 */
@Component(service = ExtensionFactory.class)
public final class AdminExtensionFactory implements ExtensionFactory<AdminConfig> {

    static final String TYPE = "otelier_admin";

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<AdminConfig> configClass() {
        return AdminConfig.class;
    }

    @Override
    public AdminConfig createDefaultConfig() {
        return AdminConfig.defaults();
    }

    @Override
    public Stability stability() {
        return Stability.DEVELOPMENT;
    }

    @Override
    public Extension create(CreateSettings settings, AdminConfig config) {
        return new AdminExtension(config, settings.telemetry().logger(),
                () -> new BundleOps(context, collector().flatMap(CollectorAdmin::deployFolder)), this::collector,
                System.getenv());
    }

    private Optional<CollectorAdmin> collector() {
        ServiceReference<CollectorAdmin> ref = context.getServiceReference(CollectorAdmin.class);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getService(ref)).map(admin -> {
            context.ungetService(ref);
            return admin;
        });
    }
}
