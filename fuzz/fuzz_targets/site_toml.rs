#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    hyte_fuzz::site_toml(data);
});
