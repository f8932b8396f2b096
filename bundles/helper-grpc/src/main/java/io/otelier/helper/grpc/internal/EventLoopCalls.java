package io.otelier.helper.grpc.internal;

import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import java.util.concurrent.Executor;

/**
 * Decides whether a server can run its calls on the netty event loops (grpc's direct executor). That saves the
 * two thread hand-overs grpc's executor costs per call (to a worker, and the answer back to the event loop),
 * the largest part of a small request's CPU time; but a call that blocks there stalls every connection of its
 * loop. So only servers whose every method is an {@link OtlpCallHandler} qualify: it reads and checks requests
 * on the event loop and gives handlers that may block to the executor.
 */
public final class EventLoopCalls {

    private EventLoopCalls() {
    }

    /**
     * @return the services with their OTLP handlers bound to {@code offload}, or null when some method is served
     *         by another kind of handler (the server then keeps its executor for every call)
     */
    public static ServerServiceDefinition[] bind(ServerServiceDefinition[] services, Executor offload) {
        ServerServiceDefinition[] bound = new ServerServiceDefinition[services.length];
        for (int i = 0; i < services.length; i++) {
            ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(services[i].getServiceDescriptor());
            for (ServerMethodDefinition<?, ?> method : services[i].getMethods()) {
                if (!(method.getServerCallHandler() instanceof OtlpCallHandler<?>)) {
                    return null;
                }
                builder.addMethod(offloading(method, offload));
            }
            bound[i] = builder.build();
        }
        return bound;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <Q, R> ServerMethodDefinition<Q, R> offloading(ServerMethodDefinition<Q, R> method,
            Executor offload) {
        OtlpCallHandler handler = (OtlpCallHandler) method.getServerCallHandler();
        return method.withServerCallHandler(handler.offloadingTo(offload));
    }
}
