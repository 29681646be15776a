package io.vstage.gateway.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps keep-alive connections reading. Reactor Netty 1.3.6 (Boot 4.0.7's) reads on
 * demand, and an exchange terminates a little after its answer is on the wire, so a
 * client that sends its next request at once (a browser, a pooled HTTP client) sees it
 * queued as if pipelined; when the queue drains on an answer the gateway gives at once
 * ({@code /api/v1/me} from its caches), nothing asks the connection to read again, and
 * the request after that waits until the client gives up (reactor-netty issue 4361, pull
 * request 4347; 1.3.8, the newest release served here, fails our proxy tests). So after
 * each answer has been written the connection is asked to read once more; a read that is
 * already pending makes that a no-op.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveReadConfiguration {

	static final String HANDLER = "vstage.readAfterAnswer";

	@Bean
	NettyServerCustomizer readAfterEachAnswer() {
		ReadAfterAnswer handler = new ReadAfterAnswer();
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
				pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, handler);
			}
		});
	}

	@ChannelHandler.Sharable
	static final class ReadAfterAnswer extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof LastHttpContent) {
				ChannelPromise written = promise.unvoid();
				// after Reactor Netty's own listeners have ended the exchange
				written.addListener((future) -> context.channel().eventLoop().execute(context::read));
				context.write(message, written);
				return;
			}
			context.write(message, promise);
		}

	}

}
