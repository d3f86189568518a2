//! `hyte check --external`: fetches the links to other sites.
//!
//! Links are grouped by host; a few hosts are checked at a time and each
//! host's links one after another, so no site gets more than one request
//! at a time from us. A link that answers 4xx/5xx is broken; one that does
//! not answer at all (timeout, no such host, refused) may be a passing
//! network problem and is only a warning unless `strict` is set.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// How many hosts are checked at once.
const HOSTS_AT_ONCE: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok(u16),
    /// The server answered with an error status.
    Broken(u16),
    /// No answer: the reason.
    Unreachable(String),
}

/// The verdict of every link, in URL order.
pub fn check(urls: &[String], timeout: Duration) -> Vec<(String, Verdict)> {
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in urls {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default();
        by_host
            .entry(host.to_lowercase())
            .or_default()
            .push(url.clone());
    }
    let queue = Mutex::new(by_host.into_values().collect::<Vec<_>>());
    let results = Mutex::new(Vec::new());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!("hyte/", env!("CARGO_PKG_VERSION"), " (link check)"))
        .build()
        .into();
    std::thread::scope(|scope| {
        for _ in 0..HOSTS_AT_ONCE {
            scope.spawn(|| {
                loop {
                    let Some(host_urls) = queue.lock().expect("no panics while held").pop() else {
                        return;
                    };
                    for url in host_urls {
                        let verdict = fetch(&agent, &url);
                        results
                            .lock()
                            .expect("no panics while held")
                            .push((url, verdict));
                    }
                }
            });
        }
    });
    let mut out = results.into_inner().expect("no panics while held");
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn fetch(agent: &ureq::Agent, url: &str) -> Verdict {
    // HEAD first; some servers refuse it, so a refusal is retried with GET.
    let status = match agent.head(url).call() {
        Ok(r) if r.status().as_u16() < 400 => return Verdict::Ok(r.status().as_u16()),
        Ok(r) => Some(r.status().as_u16()),
        Err(_) => None,
    };
    match agent.get(url).call() {
        Ok(r) if r.status().as_u16() < 400 => Verdict::Ok(r.status().as_u16()),
        Ok(r) => Verdict::Broken(r.status().as_u16()),
        Err(e) => match status {
            Some(code) => Verdict::Broken(code),
            None => Verdict::Unreachable(e.to_string()),
        },
    }
}
