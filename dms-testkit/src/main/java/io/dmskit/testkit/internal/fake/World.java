package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The state of one fake DMS region: every resource, the clock, the queue of pending transitions. All access goes
 * through {@link #locked(Supplier)}, which first applies every transition that is due on the clock. Work that must
 * not run under the lock (replication engines, Secrets Manager look-ups) is queued with {@link #afterUnlock} and runs
 * in the calling thread once the outermost lock is released. Internal.
 */
final class World {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.testkit.FakeDms");
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    final FakeClock clock;
    final Timings timings;
    final String accountId;
    final String region;
    final SecretsManagerClient secrets;
    final ReplicationEngine engine;
    final ToIntFunction<String> invisibility;
    final String defaultKmsKeyArn;
    /** The AWS/DMS metrics and task logs published to CloudWatch, when attached. */
    Telemetry telemetry = Telemetry.none();

    final Map<String, SubnetGroupRecord> subnetGroups = new LinkedHashMap<>();
    final Map<String, InstanceRecord> instances = new LinkedHashMap<>();
    final Map<String, EndpointRecord> endpoints = new LinkedHashMap<>();
    final Map<String, ConnectionRecord> connections = new LinkedHashMap<>();
    final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    final Map<String, ConfigRecord> configs = new LinkedHashMap<>();
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    /** Events for DescribeEvents, oldest first. */
    final List<software.amazon.awssdk.services.databasemigration.model.Event> eventLog = new ArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Deque<Runnable> afterUnlock = new ArrayDeque<>();
    private final Random random;
    private long eventSequence;
    /** While a due transition runs: its due time, which is what "now" means for it. */
    private Instant transitionTime;
    private boolean closed;

    /**
     * @param clock the clock of every transition
     * @param timings transition delays
     * @param accountId the account in ARNs
     * @param region the region in ARNs
     * @param secrets Secrets Manager used to resolve endpoint secrets, or null
     * @param engine the replication engine, or null for the scripted data plane
     * @param invisibility how many Describe calls a resource made by the named Create operation stays invisible
     * @param seed seed of generated resource ids
     */
    public World(FakeClock clock, Timings timings, String accountId, String region, SecretsManagerClient secrets,
                 ReplicationEngine engine, ToIntFunction<String> invisibility, long seed) {
        this.clock = clock;
        this.timings = timings;
        this.accountId = accountId;
        this.region = region;
        this.secrets = secrets;
        this.engine = engine;
        this.invisibility = invisibility;
        this.random = new Random(seed);
        this.defaultKmsKeyArn = "arn:aws:kms:" + region + ":" + accountId + ":key/"
                + new UUID(random.nextLong(), random.nextLong());
    }

    /** @return the logger of state changes */
    static Logger log() {
        return LOG;
    }

    /**
     * Runs {@code action} holding the state lock, after applying every due transition; then runs the work queued
     * for after the lock.
     */
    public <T> T locked(Supplier<T> action) {
        T result;
        lock.lock();
        try {
            catchUp();
            result = action.get();
        } finally {
            lock.unlock();
        }
        drainAfterUnlock();
        return result;
    }

    /** Like {@link #locked(Supplier)} without a result. */
    public void run(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    private void drainAfterUnlock() {
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = afterUnlock.poll();
            } finally {
                lock.unlock();
            }
            if (next == null) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("FakeDms background action failed", e);
            }
        }
    }

    /** Queues work to run outside the lock, in the thread that releases it. Call with the lock held. */
    void afterUnlock(Runnable work) {
        afterUnlock.add(work);
    }

    /**
     * @return now on the fake's clock; inside a transition, the time it was due (transitions are applied lazily, but
     *     their timestamps and follow-up transitions are those of the moment they were due)
     */
    Instant now() {
        return transitionTime != null ? transitionTime : clock.instant();
    }

    /**
     * Schedules a transition. Call with the lock held.
     *
     * @param at when it is due
     * @param owner the resource it belongs to; the event is dropped when the owner's generation moved on
     * @param action the transition
     */
    void schedule(Instant at, Owner owner, Runnable action) {
        events.add(new Event(at, eventSequence++, owner, owner == null ? 0 : owner.generation(), action));
    }

    void schedule(Duration delay, Owner owner, Runnable action) {
        schedule(now().plus(delay), owner, action);
    }

    private void catchUp() {
        Instant now = clock.instant();
        while (!events.isEmpty() && !events.peek().at.isAfter(now)) {
            Event e = events.poll();
            if (e.owner != null && (e.owner.generation() != e.generation || e.owner.gone())) {
                continue;
            }
            transitionTime = e.at;
            try {
                e.action.run();
            } finally {
                transitionTime = null;
            }
        }
    }

    /** Applies every transition due now (for callers outside an operation, e.g. engine callbacks). */
    void catchUpLocked() {
        catchUp();
    }

    /**
     * Records a DMS event. Call with the lock held.
     *
     * @param sourceType {@code replication-instance} or {@code replication-task}
     * @param sourceIdentifier the resource identifier
     * @param category a DMS event category, e.g. {@code state change}
     * @param message the event message
     */
    void event(String sourceType, String sourceIdentifier, String category, String message) {
        eventLog.add(software.amazon.awssdk.services.databasemigration.model.Event.builder()
                .sourceIdentifier(sourceIdentifier).sourceType(sourceType).eventCategories(category)
                .message(message).date(now()).build());
    }

    /** @return a 26-character resource id in DMS's style (upper-case base32) */
    String newResourceId() {
        char[] c = new char[26];
        for (int i = 0; i < c.length; i++) {
            c[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(c);
    }

    /** @return an ARN of this fake's account and region */
    String arn(String resourceType, String resourceId) {
        return "arn:aws:dms:" + region + ":" + accountId + ":" + resourceType + ":" + resourceId;
    }

    Random random() {
        return random;
    }

    boolean closed() {
        return closed;
    }

    /** Stops every running replication; later calls still work but start no engine. */
    public void close() {
        List<Runnable> stops = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (TaskRecord t : tasks.values()) {
                if (t.running != null) {
                    var handle = t.running;
                    t.running = null;
                    stops.add(handle::stop);
                }
            }
        } finally {
            lock.unlock();
        }
        for (Runnable r : stops) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Replication engine failed to stop", e);
            }
        }
        drainAfterUnlock();
    }

    /** A resource whose pending transitions are dropped when it changes generation or disappears. */
    interface Owner {
        long generation();

        boolean gone();
    }

    private record Event(Instant at, long sequence, Owner owner, long generation, Runnable action)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
