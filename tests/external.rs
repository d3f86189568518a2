//! `hyte check --external` against a local web server: broken links fail,
//! links that do not answer only warn unless `--strict`, and a server that
//! refuses HEAD is asked again with GET.

mod common;

use std::net::TcpListener;

use common::*;

/// A server answering /ok with 200, /puuttuu with 404, and
/// /ei-headia with 405 to HEAD but 200 to GET.
fn server() -> u16 {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let code = match (request.method(), request.url()) {
                (_, "/ok") => 200,
                (tiny_http::Method::Head, "/ei-headia") => 405,
                (_, "/ei-headia") => 200,
                _ => 404,
            };
            let _ = request.respond(tiny_http::Response::from_string("x").with_status_code(code));
        }
    });
    port
}

fn closed_port() -> u16 {
    // Bound and dropped: nothing listens there.
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn page(links: &[String]) -> String {
    let list: String = links.iter().map(|l| format!("- [linkki]({l})\n")).collect();
    format!("+++\ntitle = \"Muistio\"\n+++\n\n{list}")
}

fn check_external(site: &std::path::Path, strict: bool) -> Run {
    let root = site.to_str().unwrap();
    let mut args = vec!["check", "--root", root, "--external"];
    if strict {
        args.push("--strict");
    }
    run(args)
}

#[test]
fn broken_external_links_fail_and_name_their_page() {
    let port = server();
    let links = [
        format!("http://127.0.0.1:{port}/ok"),
        format!("http://127.0.0.1:{port}/puuttuu"),
        format!("http://127.0.0.1:{port}/ei-headia"),
    ];
    let site = site_with(&[("content/2030/muistio.md", Some(&page(&links)))]);
    let r = check_external(site.path(), false);
    r.assert_no_panic().assert_code(1);
    assert!(
        r.stdout
            .contains(&format!("RIKKI 404  http://127.0.0.1:{port}/puuttuu")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("/2030/muistio/"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains(&format!("ok 200  http://127.0.0.1:{port}/ei-headia")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains(&format!("ok 200  http://127.0.0.1:{port}/ok")),
        "{}",
        r.stdout
    );
}

#[test]
fn unreachable_links_warn_unless_strict() {
    let port = server();
    let links = [
        format!("http://127.0.0.1:{port}/ok"),
        format!("http://127.0.0.1:{}/x", closed_port()),
    ];
    let site = site_with(&[("content/2030/muistio.md", Some(&page(&links)))]);
    let r = check_external(site.path(), false);
    r.assert_no_panic().assert_code(0);
    assert!(r.stdout.contains("EI VASTAA"), "{}", r.stdout);
    check_external(site.path(), true)
        .assert_no_panic()
        .assert_code(1);
}

#[test]
fn without_the_flag_external_links_are_only_listed() {
    let links = [format!("http://127.0.0.1:{}/x", closed_port())];
    let site = site_with(&[("content/2030/muistio.md", Some(&page(&links)))]);
    let r = check(site.path());
    r.assert_no_panic().assert_code(0);
    assert!(r.stdout.contains("Ulkoiset linkit"), "{}", r.stdout);
}
