fn main() -> std::process::ExitCode {
    hyte::cli::main()
}
