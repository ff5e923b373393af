//! `bench serve --pin`: the server and its load generator on different CPUs, so that neither's
//! figure includes the other's contention for the same cores. Each side gets a tokio runtime of
//! its own whose threads are pinned as they start (Linux; elsewhere `--pin` is refused).

use std::future::Future;

use tokio::runtime::Runtime;

/// The CPUs this process may run on, in order.
pub fn allowed_cpus() -> std::io::Result<Vec<usize>> {
    #[cfg(target_os = "linux")]
    unsafe {
        // SAFETY: sched_getaffinity fills the zeroed set it is given; CPU_ISSET only reads it.
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok((0..libc::CPU_SETSIZE as usize)
            .filter(|&cpu| libc::CPU_ISSET(cpu, &set))
            .collect())
    }
    #[cfg(not(target_os = "linux"))]
    Err(std::io::Error::other("pinning threads to CPUs needs Linux"))
}

/// Pins the calling thread to `cpus`.
fn pin_current_thread(cpus: &[usize]) {
    #[cfg(target_os = "linux")]
    unsafe {
        // SAFETY: the set is zeroed, filled by CPU_SET and only read by sched_setaffinity.
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        for &cpu in cpus {
            libc::CPU_SET(cpu, &mut set);
        }
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cpus;
}

/// A runtime whose every thread (workers and blocking pool, and the threads those start) runs on
/// `cpus` only.
pub fn runtime_on(cpus: Vec<usize>) -> std::io::Result<Runtime> {
    let workers = cpus.len().max(1);
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .on_thread_start(move || pin_current_thread(&cpus))
        .build()
}

/// Runs `work` on `runtime` and waits for it from the caller's runtime.
pub async fn run_on<T: Send + 'static>(
    runtime: &Runtime,
    work: impl Future<Output = T> + Send + 'static,
) -> T {
    runtime
        .spawn(work)
        .await
        .expect("a pinned task does not panic")
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_runtime_runs_only_on_its_cpus() {
        let cpus = allowed_cpus().unwrap();
        assert!(!cpus.is_empty());
        let first = cpus[0];
        let runtime = runtime_on(vec![first]).unwrap();
        let seen = runtime.block_on(async {
            tokio::spawn(async { allowed_cpus().unwrap() })
                .await
                .unwrap()
        });
        assert_eq!(seen, [first]);
    }
}
