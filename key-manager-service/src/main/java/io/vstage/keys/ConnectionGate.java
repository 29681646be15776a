package io.vstage.keys;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets at most {@code permits} threads hold a connection of the pool at once; the others
 * queue here, first come first served, for at most {@code wait}, then get a
 * {@link DatabaseBusyException} (answered as a 503 problem).
 * <p>
 * With as many permits as the pool has connections, no thread ever waits inside HikariCP.
 * That matters with virtual threads: a connection returned while others wait in Hikari is
 * handed over by a spin loop ({@code ConcurrentBag.requite}: {@code Thread.yield()}
 * without any time limit) which, with many waiting virtual threads, keeps the few carrier
 * threads busy and can starve the very waiter that would end it (HikariCP 7.0.2, issue
 * 2398). A {@link Semaphore} parks waiters properly (their carriers are free), serves
 * them in order and has a timeout that always fires.
 */
final class ConnectionGate extends DelegatingDataSource implements AutoCloseable {

	private final Semaphore permits;

	private final int size;

	private final long waitNanos;

	ConnectionGate(DataSource target, int permits, Duration wait) {
		super(target);
		this.permits = new Semaphore(permits, true);
		this.size = permits;
		this.waitNanos = wait.toNanos();
	}

	@Override
	public Connection getConnection() throws SQLException {
		acquire();
		try {
			return gated(obtainTargetDataSource().getConnection());
		}
		catch (SQLException | RuntimeException | Error ex) {
			this.permits.release();
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		acquire();
		try {
			return gated(obtainTargetDataSource().getConnection(username, password));
		}
		catch (SQLException | RuntimeException | Error ex) {
			this.permits.release();
			throw ex;
		}
	}

	/** Closes the pool behind the gate (Spring calls this when the context closes). */
	@Override
	public void close() throws Exception {
		if (obtainTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	/** Threads that may hold a connection at once. */
	int size() {
		return this.size;
	}

	/** Threads holding a connection now. */
	int inUse() {
		return this.size - this.permits.availablePermits();
	}

	/** Threads waiting for a connection now (an estimate, as the JDK gives it). */
	int waiting() {
		return this.permits.getQueueLength();
	}

	private void acquire() throws SQLException {
		try {
			if (!this.permits.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS)) {
				throw new DatabaseBusyException(Duration.ofNanos(this.waitNanos), this.size);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", ex);
		}
	}

	private Connection gated(Connection target) {
		return (Connection) Proxy.newProxyInstance(ConnectionGate.class.getClassLoader(),
				new Class<?>[] { ConnectionProxy.class }, new GatedConnection(target));
	}

	/** No connection became free in time: the database is busy (or stuck) right now. */
	static final class DatabaseBusyException extends SQLTransientConnectionException {

		DatabaseBusyException(Duration wait, int size) {
			super("No database connection became free within " + wait.toMillis() + " ms (" + size
					+ " at a time); the database is busy");
		}

	}

	/** Gives the permit back when the connection is closed, once. */
	private final class GatedConnection implements InvocationHandler {

		private final Connection target;

		private final AtomicBoolean closed = new AtomicBoolean();

		GatedConnection(Connection target) {
			this.target = target;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					if (this.closed.compareAndSet(false, true)) {
						try {
							this.target.close();
						}
						finally {
							ConnectionGate.this.permits.release();
						}
					}
					return null;
				}
				case "isClosed" -> {
					return this.closed.get() || this.target.isClosed();
				}
				case "getTargetConnection" -> {
					return this.target;
				}
				case "equals" -> {
					return proxy == args[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "Gated[" + this.target + "]";
				}
				case "unwrap" -> {
					if (((Class<?>) args[0]).isInstance(proxy)) {
						return proxy;
					}
				}
				case "isWrapperFor" -> {
					if (((Class<?>) args[0]).isInstance(proxy)) {
						return true;
					}
				}
				default -> {
				}
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
