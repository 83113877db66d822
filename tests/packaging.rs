//! The desktop integration shipped in `packaging/`: the desktop entry and the `AppStream`
//! metadata validate with the freedesktop tools (installed by `.ci/run`), and the MIME rule that
//! makes session files open with Vis-à-vis matches sessions, not dossiers or other RON files.
//! The package's layout (`[package.metadata.deb] assets` in Cargo.toml) puts each file where the
//! desktop looks for it, and a package built by `packaging/build-deb.sh` holds them all.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Run `tool args`, or say why the check is skipped when the tool is not installed.
fn run(tool: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let package = match tool {
                "desktop-file-validate" => "desktop-file-utils",
                "appstreamcli" => "appstream",
                "git" => "git",
                _ => "dpkg",
            };
            eprintln!("skipped: {tool} is not installed (apt-get install {package})");
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}

#[test]
fn the_desktop_entry_validates_and_names_the_session_type() {
    let path = Path::new(ROOT).join("packaging/fr.visavis.Visavis.desktop");
    let text = std::fs::read_to_string(&path).expect("desktop entry");
    assert!(text.contains("MimeType=application/x-visavis-session;"));
    assert!(text.contains("Name=Vis-à-vis") && text.contains("Comment[fr]="));
    assert!(text.contains("Keywords[fr]="), "keywords in French as well");
    if let Some(out) = run("desktop-file-validate", &[path.as_os_str()]) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn the_appstream_metadata_validates_once_filled_in() {
    let template = std::fs::read_to_string(
        Path::new(ROOT).join("packaging/fr.visavis.Visavis.metainfo.xml.in"),
    )
    .expect("template");
    let filled = template
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@DATE@", "2026-12-01")
        .replace("@HOMEPAGE@", env!("CARGO_PKG_HOMEPAGE"));
    assert!(!filled.contains('@'), "every placeholder is filled");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fr.visavis.Visavis.metainfo.xml");
    #[allow(clippy::disallowed_methods)] // a temporary test file, not a session
    std::fs::write(&path, filled).expect("write");
    if let Some(out) = run(
        "appstreamcli",
        &["validate".as_ref(), "--no-net".as_ref(), path.as_os_str()],
    ) {
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The `(value, end offset)` of the MIME rule's string match.
fn magic() -> (String, usize) {
    let xml =
        std::fs::read_to_string(Path::new(ROOT).join("packaging/fr.visavis.Visavis.mime.xml"))
            .expect("mime rule");
    let attr = |name: &str| {
        let start = xml.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        xml[start..start + xml[start..].find('"').expect("closing quote")].to_owned()
    };
    assert!(!xml.contains("<glob"), "no glob: .ron is not ours alone");
    let offset = attr("offset");
    let end = offset.split_once(':').map_or(offset.as_str(), |(_, e)| e);
    (attr("value"), end.parse().expect("offset range"))
}

/// Whether shared-mime-info's rule would call `bytes` a session: the value starts within the
/// offset range.
fn is_session(bytes: &[u8], (value, end): &(String, usize)) -> bool {
    let v = value.as_bytes();
    (0..=*end).any(|i| bytes.get(i..i + v.len()) == Some(v))
}

#[test]
fn the_mime_rule_matches_sessions_only() {
    let rule = magic();
    let read = |p: &str| std::fs::read(Path::new(ROOT).join(p)).expect(p);
    assert!(is_session(&read("saves/segur-analyse-exemple.ron"), &rule));
    assert!(
        !is_session(&read("assets/segur-2020.ron"), &rule),
        "a dossier is not a session"
    );
    assert!(!is_session(
        b"(\n    name: \"config\",\n    level: 3,\n)\n",
        &rule
    ));
    // Every format the loader reads carries the field near the top (a migrated format 1 too).
    let generated = visavis::persist::to_ron(&visavis::model::Session::new(
        visavis::persist::default_dossier(),
        "",
        "2026-01-01T00:00:00Z",
    ))
    .expect("serialises");
    assert!(is_session(generated.as_bytes(), &rule));
}

/// The hicolor sizes the icon is shipped in.
const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

/// `[package.metadata.deb] assets` of Cargo.toml as `(source, destination, mode)`, read by hand
/// (one `["source", "destination", "mode"],` a line) rather than with a TOML dependency.
fn deb_assets() -> Vec<(String, String, String)> {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).expect("Cargo.toml");
    let section = &manifest[manifest
        .find("[package.metadata.deb]")
        .expect("[package.metadata.deb]")..];
    let start = section
        .find("\nassets = [\n")
        .expect("assets = [ on a line of its own");
    section[start + "\nassets = [\n".len()..]
        .lines()
        .map(str::trim)
        .take_while(|line| *line != "]")
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            assert_eq!(
                fields.len(),
                3,
                "an asset is [source, destination, mode]: {line}"
            );
            (fields[0].into(), fields[1].into(), fields[2].into())
        })
        .collect()
}

/// Where each asset lands in the package (a destination ending in `/` keeps the file's name),
/// without the leading `/`, with its mode.
fn installed_paths() -> Vec<(String, String)> {
    deb_assets()
        .into_iter()
        .map(|(source, dest, mode)| {
            let path = match dest.strip_suffix('/') {
                Some(dir) => format!("{dir}/{}", source.rsplit('/').next().expect("a name")),
                None => dest,
            };
            (path, mode)
        })
        .collect()
}

/// The files a user of the package relies on, without the leading `/`.
fn required_files() -> Vec<String> {
    let mut files: Vec<String> = [
        "usr/bin/visavis",
        "usr/share/applications/fr.visavis.Visavis.desktop",
        "usr/share/mime/packages/fr.visavis.Visavis.mime.xml",
        "usr/share/metainfo/fr.visavis.Visavis.metainfo.xml",
        "usr/share/doc/visavis/README.md",
        "usr/share/doc/visavis/fonts/dialog-icons.LICENSE.txt",
        "usr/share/doc/visavis/fonts/dialog-folders.OFL.txt",
    ]
    .map(String::from)
    .into();
    files.extend(
        ICON_SIZES.map(|n| format!("usr/share/icons/hicolor/{n}x{n}/apps/fr.visavis.Visavis.png")),
    );
    files
}

#[test]
fn the_package_puts_each_file_where_the_desktop_looks_for_it() {
    let assets = deb_assets();
    let installed = installed_paths();
    for file in required_files() {
        assert!(
            installed.iter().any(|(path, _)| *path == file),
            "[package.metadata.deb] assets in Cargo.toml ship no /{file}"
        );
    }
    let mode = |file: &str| {
        installed
            .iter()
            .find(|(p, _)| p == file)
            .map(|(_, m)| m.as_str())
    };
    assert_eq!(
        mode("usr/bin/visavis"),
        Some("755"),
        "the binary is executable"
    );
    assert!(
        assets
            .iter()
            .any(|(source, dest, _)| source == "target/release/visavis" && dest == "usr/bin/"),
        "the release binary goes to /usr/bin"
    );
    // One icon in each size, the one build-deb.sh made in that size.
    for n in ICON_SIZES {
        let dir = format!("usr/share/icons/hicolor/{n}x{n}/apps/");
        let icons: Vec<&String> = assets
            .iter()
            .filter(|(_, dest, _)| *dest == dir)
            .map(|(source, _, _)| source)
            .collect();
        assert_eq!(
            icons,
            [&format!(
                "target/packaging/icons/{n}x{n}/fr.visavis.Visavis.png"
            )],
            "one icon in /{dir}"
        );
    }
    // The desktop entry and the MIME rule name the icon by the file's name.
    let read = |p: &str| std::fs::read_to_string(Path::new(ROOT).join(p)).expect(p);
    assert!(read("packaging/fr.visavis.Visavis.desktop").contains("\nIcon=fr.visavis.Visavis\n"));
    assert!(
        read("packaging/fr.visavis.Visavis.mime.xml")
            .contains("<icon name=\"fr.visavis.Visavis\"/>")
    );
    // Sources in the repository exist; those under target/ are built (the binary) or generated
    // by build-deb.sh, which makes the icon in the same sizes.
    for (source, _, _) in &assets {
        if !source.starts_with("target/") {
            assert!(
                Path::new(ROOT).join(source).is_file(),
                "asset {source} is not in the repository"
            );
        }
    }
    let script = read("packaging/build-deb.sh");
    let sizes = ICON_SIZES.map(|n| n.to_string()).join(" ");
    assert!(
        script.contains(&format!("sizes=\"{sizes}\"")),
        "build-deb.sh makes the icon in {sizes}"
    );
}

#[test]
fn the_built_package_holds_the_listed_files() {
    let debian = Path::new(ROOT).join("target/debian");
    let prefix = format!("visavis_{}-", env!("CARGO_PKG_VERSION"));
    let Some(deb) = std::fs::read_dir(&debian).ok().and_then(|dir| {
        dir.filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "deb")
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(&prefix))
            })
            .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
    }) else {
        eprintln!("skipped: no {prefix}*.deb in target/debian (packaging/build-deb.sh builds it)");
        return;
    };
    let Some(out) = run("dpkg-deb", &["-c".as_ref(), deb.as_os_str()]) else {
        return;
    };
    assert!(out.status.success(), "dpkg-deb -c {}", deb.display());
    // `-rwxr-xr-x root/root 123 2026-12-01 00:00 ./usr/bin/visavis`: the mode and the path.
    let listing = String::from_utf8_lossy(&out.stdout);
    let entries: Vec<(&str, &str)> = listing
        .lines()
        .filter_map(|line| {
            let mode = line.split_whitespace().next()?;
            let path = line.split_whitespace().nth(5)?.strip_prefix("./")?;
            Some((mode, path))
        })
        .collect();
    let mut wanted = required_files();
    wanted.extend(installed_paths().into_iter().map(|(path, _)| path));
    wanted.push("usr/share/doc/visavis/copyright".into());
    for file in wanted {
        assert!(
            entries.iter().any(|(_, path)| *path == file),
            "{} has no /{file}: rebuild it with packaging/build-deb.sh",
            deb.display()
        );
    }
    assert!(
        entries
            .iter()
            .any(|(mode, path)| *path == "usr/bin/visavis" && mode.starts_with("-rwx")),
        "/usr/bin/visavis is executable in {}",
        deb.display()
    );
}

/// `git -C ROOT args`'s output, trimmed; `None` when git is missing (said) or fails.
fn git(args: &[&str]) -> Option<String> {
    let mut all = vec![std::ffi::OsStr::new("-C"), ROOT.as_ref()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    let out = run("git", &all)?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[test]
fn the_build_date_is_the_source_date_or_else_the_last_commit_s() {
    let built = option_env!("VISAVIS_BUILD_EPOCH");
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        assert_eq!(built, Some(epoch.trim()), "SOURCE_DATE_EPOCH wins");
        return;
    }
    // The commit's date when the crate is the top of a git work tree, as build.rs reads it.
    let top = git(&["rev-parse", "--show-toplevel"]);
    let checkout = top
        .is_some_and(|t| Path::new(&t).canonicalize().ok() == Path::new(ROOT).canonicalize().ok());
    let commit = git(&["log", "-1", "--format=%ct"]).filter(|_| checkout);
    if commit.is_none() {
        eprintln!("not a git checkout, so no build date");
    }
    assert_eq!(
        built,
        commit.as_deref(),
        "build.rs sets VISAVIS_BUILD_EPOCH"
    );
}
