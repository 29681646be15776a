package io.vstage.keys;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.ConnectionProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gate in front of the pool: permits, bounded waits, release exactly once. */
class ConnectionGateTests {

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	@Test
	void aSecondCallerWaitsAtMostTheWaitThenGetsATransientConnectionException() throws SQLException {
		ConnectionGate gate = new ConnectionGate(pool(), 1, Duration.ofMillis(200));
		try (Connection first = gate.getConnection()) {
			long start = System.nanoTime();
			assertThatExceptionOfType(ConnectionGate.DatabaseBusyException.class).isThrownBy(gate::getConnection)
				.isInstanceOf(SQLTransientConnectionException.class)
				.withMessageContaining("200 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
					Duration.ofSeconds(5));
			assertThat(gate.inUse()).isOne();
		}
		assertThat(gate.inUse()).isZero();
		assertThat(this.open).hasValue(0);
	}

	@Test
	void closingTwiceGivesThePermitBackOnce() throws SQLException {
		ConnectionGate gate = new ConnectionGate(pool(), 2, Duration.ofMillis(100));
		Connection connection = gate.getConnection();
		Connection other = gate.getConnection();
		connection.close();
		connection.close();
		assertThat(connection.isClosed()).isTrue();
		assertThat(gate.inUse()).isOne();
		try (Connection third = gate.getConnection()) {
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(gate::getConnection);
		}
		other.close();
		assertThat(gate.inUse()).isZero();
	}

	@Test
	void aFailingPoolGivesThePermitBack() throws SQLException {
		ConnectionGate gate = new ConnectionGate(pool(), 1, Duration.ofMillis(100));
		this.failures.set(1);
		assertThatExceptionOfType(SQLException.class).isThrownBy(gate::getConnection).withMessage("pool failed");
		assertThat(gate.inUse()).isZero();
		try (Connection connection = gate.getConnection()) {
			assertThat(connection.unwrap(ConnectionProxy.class).getTargetConnection()).isNotSameAs(connection);
		}
	}

	@Test
	void manyVirtualThreadsShareOnePermitWithoutLosingAny() throws Exception {
		ConnectionGate gate = new ConnectionGate(pool(), 1, Duration.ofSeconds(30));
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				done.add(threads.submit(() -> {
					for (int j = 0; j < 20; j++) {
						try (Connection connection = gate.getConnection()) {
							most.accumulateAndGet(inside.incrementAndGet(), Math::max);
							Thread.yield();
							inside.decrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		assertThat(most).hasValue(1);
		assertThat(gate.inUse()).isZero();
		assertThat(this.open).hasValue(0);
	}

	/** A pool that counts open connections and fails when told to. */
	private DataSource pool() {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					if (!method.getName().equals("getConnection")) {
						throw new UnsupportedOperationException(method.getName());
					}
					if (this.failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
						throw new SQLException("pool failed");
					}
					this.open.incrementAndGet();
					return connection();
				});
	}

	private Connection connection() {
		AtomicInteger closed = new AtomicInteger();
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "close" -> {
						if (closed.getAndIncrement() == 0) {
							this.open.decrementAndGet();
						}
						yield null;
					}
					case "isClosed" -> closed.get() > 0;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
