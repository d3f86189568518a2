//! A synthetic hyte site for benchmarks:
//!
//! cargo run --release --example synth -- DIR --years Y --groups G [--hugo HUGO_DIR]
//!
//! Y years, G municipality groups a year of three municipalities each (so
//! 3·G municipalities), group pages of about 3 KB of Finnish-looking
//! Markdown under priority-area and target-group headings with lists and a
//! table, and 15 goals a year. `--years 100 --groups 100` gives 10,000
//! group pages. With `--hugo`, the same titles and bodies are also written
//! as a Hugo site with plain templates, for side-by-side timing.
//! Deterministic: the same arguments give the same files.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const WORDS: &[&str] = &[
    "hyvinvointi",
    "kunta",
    "palvelut",
    "yhteistyö",
    "nuoret",
    "ikääntyneet",
    "perheet",
    "liikunta",
    "turvallisuus",
    "mielenterveys",
    "järjestöt",
    "seurakunnat",
    "tavoite",
    "toimenpide",
    "yksinäisyys",
    "osallisuus",
    "arki",
    "kotiin",
    "tukeminen",
    "vahvistaminen",
    "kehittäminen",
    "neuvola",
    "koulu",
    "työllisyys",
    "päihteet",
    "ennaltaehkäisy",
    "asukkaat",
    "alue",
    "verkosto",
    "yhdyspinta",
    "kuntaryhmä",
    "suunnitelma",
    "kertomus",
    "seuranta",
    "mittari",
    "toimintakyky",
    "kaatumiset",
    "esteettömyys",
    "harrastus",
    "kulttuuri",
    "vapaaehtoiset",
    "lapsiperheet",
    "työikäiset",
    "vammaiset",
    "terveys",
    "sosiaalityö",
    "etsivä",
    "matala",
    "kynnys",
    "yhteisö",
];
const PRIORITIES: &[&str] = &[
    "Arjen turvallisuus",
    "Mielen hyvinvointi",
    "Liikunnallinen elämäntapa",
];
const TARGETS: &[&str] = &[
    "Lasten, nuorten ja perheiden palvelut",
    "Työikäisten palvelut",
    "Ikääntyneiden palvelut",
    "Vammaispalvelut",
    "Terveydenhuolto",
];
const SYLLABLES: &[&str] = &[
    "ka", "la", "mä", "jo", "ki", "vi", "ta", "ru", "pe", "sa", "ne", "lo", "hu", "ko", "ri", "tö",
];

/// A small deterministic generator (xorshift); no randomness is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn word(&mut self) -> &'static str {
        WORDS[self.next() % WORDS.len()]
    }
    fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
        }
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str() + ".",
            None => s,
        }
    }
}

fn municipality(i: usize) -> String {
    let mut n = i + 7;
    let mut name = String::new();
    for _ in 0..3 {
        name.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut c = name.chars();
    let first: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    format!(
        "{first}{}{}",
        c.as_str(),
        ["la", "nen", "vesi", "koski", "järvi"][i % 5]
    )
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The Markdown body of a group page, about 3 KB.
fn body(rng: &mut Rng) -> String {
    let mut b = String::new();
    let _ = writeln!(b, "{}\n", rng.sentence(40));
    let _ = writeln!(b, "| Teema | Huomio |\n|---|---|");
    for _ in 0..4 {
        let _ = writeln!(b, "| {} | {} |", rng.word(), rng.sentence(6));
    }
    b.push('\n');
    for p in PRIORITIES {
        let _ = writeln!(b, "## {p}\n");
        for t in TARGETS.iter().take(3 + rng.next() % 3) {
            let _ = writeln!(b, "### {t}\n");
            for _ in 0..2 {
                let _ = writeln!(b, "- {}", rng.sentence(9));
            }
            b.push('\n');
        }
    }
    b
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let (mut years, mut groups, mut hugo) = (10usize, 10usize, None::<PathBuf>);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--years" => years = args.next().and_then(|v| v.parse().ok()).expect("--years N"),
            "--groups" => {
                groups = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--groups N")
            }
            "--hugo" => hugo = args.next().map(PathBuf::from),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.expect("usage: synth DIR --years Y --groups G [--hugo DIR]");
    let _ = fs::remove_dir_all(dir.join("content"));
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let names: Vec<String> = (0..groups * 3).map(municipality).collect();

    let mut site = String::from(
        "title = \"Synteettinen HYTE-sivusto\"\ndescription = \"Vertailuaineisto\"\nbase_url = \"https://synth.example/\"\n\n[region]\nname = \"Synteettinen alue\"\ncounty = \"Synteettinen hyvinvointialue\"\n\n",
    );
    for n in &names {
        let _ = writeln!(site, "[[municipalities]]\nname = \"{n}\"\n");
    }
    for p in PRIORITIES {
        let _ = writeln!(site, "[[priority_areas]]\nname = \"{p}\"\n");
    }
    for t in TARGETS {
        let _ = writeln!(site, "[[target_groups]]\nname = \"{t}\"\n");
    }
    write(&dir.join("site.toml"), &site);
    write(
        &dir.join("content/_index.md"),
        "+++\ntitle = \"Synteettinen HYTE-sivusto\"\nsummary = \"Vertailuaineisto hyten nopeuden mittaamiseen.\"\n+++\n\nVertailuaineisto.\n",
    );
    let targets = TARGETS
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut hugo_pages: Vec<(String, String, String)> = Vec::new();
    for y in 0..years {
        let year = 2000 + y;
        let mut front = format!(
            "+++\ntitle = \"HYTE-neuvottelut {year}\"\nstatus = \"held\"\nsummary = \"{}\"\ntarget_groups = [{targets}]\n",
            rng.sentence(20)
        );
        for p in PRIORITIES {
            for t in TARGETS {
                let _ = write!(
                    front,
                    "\n[[goals]]\npriority = \"{p}\"\ntarget_group = \"{t}\"\ngoal = \"{}\"\nbackground = \"{}\"\n",
                    rng.sentence(8),
                    rng.sentence(6)
                );
            }
        }
        front.push_str("+++\n\n");
        let year_body = rng.sentence(60);
        write(
            &dir.join(format!("content/{year}/_index.md")),
            &format!("{front}{year_body}\n"),
        );
        hugo_pages.push((
            format!("{year}/_index.md"),
            format!("HYTE-neuvottelut {year}"),
            year_body,
        ));
        for g in 0..groups {
            let members = &names[g * 3..g * 3 + 3];
            let slug = members
                .iter()
                .map(|m| slug(m))
                .collect::<Vec<_>>()
                .join("-");
            let title = format!("{}, {} ja {}", members[0], members[1], members[2]);
            let day = 1 + (g % 28);
            let month = 1 + (g / 28) % 12;
            let text = body(&mut rng);
            let front = format!(
                "+++\ntitle = \"{title}\"\nmunicipalities = [\"{}\", \"{}\", \"{}\"]\ndate = {year}-{month:02}-{day:02}\nlocation = \"Etäkokous\"\nsummary = \"Kuntaryhmän neuvottelu etäkokouksena.\"\n+++\n\n",
                members[0], members[1], members[2]
            );
            write(
                &dir.join(format!("content/{year}/kuntaryhmat/{slug}.md")),
                &format!("{front}{text}"),
            );
            hugo_pages.push((format!("{year}/kuntaryhmat/{slug}.md"), title, text));
        }
    }
    if let Some(h) = hugo {
        let _ = fs::remove_dir_all(h.join("content"));
        write(
            &h.join("hugo.toml"),
            "baseURL = \"https://synth.example/\"\ntitle = \"Synteettinen HYTE-sivusto\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n[markup.goldmark.renderer]\nunsafe = false\n",
        );
        write(
            &h.join("layouts/_default/baseof.html"),
            "<!DOCTYPE html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
        );
        write(
            &h.join("layouts/_default/single.html"),
            "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
        );
        write(
            &h.join("layouts/_default/list.html"),
            "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
        );
        write(
            &h.join("content/_index.md"),
            "+++\ntitle = \"Synteettinen HYTE-sivusto\"\n+++\n\nVertailuaineisto.\n",
        );
        for (path, title, text) in &hugo_pages {
            write(
                &h.join("content").join(path),
                &format!("+++\ntitle = \"{title}\"\n+++\n\n{text}"),
            );
        }
    }
    eprintln!(
        "wrote {} years × {} groups = {} group pages, {} municipalities, into {}",
        years,
        groups,
        years * groups,
        names.len(),
        dir.display()
    );
}

fn slug(name: &str) -> String {
    name.to_lowercase().replace('ä', "a").replace('ö', "o")
}
