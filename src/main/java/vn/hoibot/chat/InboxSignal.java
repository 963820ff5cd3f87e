package vn.hoibot.chat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this instance's inbox workers when there may be work (new updates, a chat's turn freed). */
@Component
class InboxSignal {

    private final Semaphore permits = new Semaphore(0);

    void now() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** After the current transaction commits (at once without one). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now();
                }
            });
        } else {
            now();
        }
    }

    /** Waits for a signal or the timeout. */
    void await(long millis) throws InterruptedException {
        if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
