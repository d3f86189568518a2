//! The `hyte` binary: the command line of [`hyte::cli`].

// mimalloc instead of the system allocator: a build allocates and frees
// millions of small strings on every thread, and glibc's malloc spent a
// fifth of the build's time on them (perf, 10,000 pages).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    hyte::cli::main()
}
