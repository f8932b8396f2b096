package io.otelier.extension.filestorage.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Stability;
import io.otelier.api.extension.Extension;
import io.otelier.api.extension.ExtensionFactory;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code file_storage} extension (upstream extension/storage/filestorage v0.165.1: beta, no deprecated alias).
 * Every key of upstream's config is implemented; the store format is this distribution's own (upstream's is bbolt),
 * so upstream's files are not read: with {@code recreate} they are moved aside, otherwise opening them fails.
 */
@Component(service = ExtensionFactory.class)
public final class FileStorageFactory implements ExtensionFactory<FileStorageConfig> {

    static final String TYPE = "file_storage";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stability stability() {
        return Stability.BETA;
    }

    @Override
    public Class<FileStorageConfig> configClass() {
        return FileStorageConfig.class;
    }

    @Override
    public FileStorageConfig createDefaultConfig() {
        return FileStorageConfig.defaults();
    }

    @Override
    public Extension create(CreateSettings settings, FileStorageConfig config) throws Exception {
        return new FileStorage(config, settings.telemetry().logger());
    }
}
