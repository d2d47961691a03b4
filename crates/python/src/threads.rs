//! The thread pools batch calls run on.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::PyResult;
use pyo3::exceptions::PyValueError;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// The pool of `threads` threads, built on first use and kept; `None` for
/// the global pool (one thread per core).
pub(crate) fn pool(
    threads: Option<usize>,
) -> PyResult<Option<Arc<ThreadPool>>> {
    static POOLS: Mutex<Option<HashMap<usize, Arc<ThreadPool>>>> =
        Mutex::new(None);
    let Some(threads) = threads else {
        return Ok(None);
    };
    if threads == 0 {
        return Err(PyValueError::new_err(
            "threads must be at least 1 (or None for one per core)",
        ));
    }
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(pool) = pools.get(&threads) {
        return Ok(Some(Arc::clone(pool)));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("textclean-{i}"))
        .build()
        .map_err(|e| {
            PyValueError::new_err(format!(
                "cannot start {threads} threads: {e}"
            ))
        })?;
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(Some(pool))
}

/// Runs `work` in `pool`, or in the global pool.
pub(crate) fn run<T: Send>(
    pool: Option<&ThreadPool>,
    work: impl FnOnce() -> T + Send,
) -> T {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}
