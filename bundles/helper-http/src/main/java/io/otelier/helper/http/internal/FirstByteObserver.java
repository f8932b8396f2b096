package io.otelier.helper.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Sits before the HTTP decoder to tell the connection when a new request's first bytes arrive (header timeout). */
final class FirstByteObserver extends ChannelInboundHandlerAdapter {

    private final ConnectionHandler connection;

    FirstByteObserver(ConnectionHandler connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        connection.bytesArrived();
        ctx.fireChannelRead(msg);
    }
}
