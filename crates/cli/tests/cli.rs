//! The `annotations` binary, run as a user would.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/schema-v1.json")
}

fn annotations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annotations")).args(args).output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotations-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn converts_an_export_to_every_format() {
    let input = fixture();
    let input = input.to_str().unwrap();
    let w3c: serde_json::Value =
        serde_json::from_str(&stdout(&annotations(&["convert", "--to", "w3c", input]))).unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["total"], 4);
    let doccano = stdout(&annotations(&["convert", "--to", "doccano", input]));
    assert_eq!(doccano.lines().count(), 1);
    assert!(doccano.contains("\"label\":\"Claim\""));
    let brat = stdout(&annotations(&["convert", "--to", "brat", input]));
    assert!(brat.starts_with("T1\tClaim 0 60\tTokyo took steps"), "{brat}");
    let csv = stdout(&annotations(&["convert", "--to", "csv", input]));
    assert_eq!(
        csv.lines().next(),
        Some(
            "id,tag,start,end,quote,prefix,suffix,note,created,modified,orphan,status,entity_type,sources,creator,\
             article_url,article_site,article_authors,article_published"
        )
    );
    let html = stdout(&annotations(&["convert", "--to", "html", input]));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>"));
    let reviews = stdout(&annotations(&["convert", "--to", "claimreview", input]));
    assert_eq!(reviews, "[]\n", "no claim of a file from before statuses has a verdict");
    let native = stdout(&annotations(&["convert", "--to", "native", input]));
    assert!(native.contains("\"schema_version\": 3"), "a v1 file is migrated");
}

#[test]
fn w3c_and_doccano_come_back_to_the_same_annotations() {
    let dir = temp_dir("roundtrip");
    let native = stdout(&annotations(&["convert", "--to", "native", fixture().to_str().unwrap()]));
    let doc: serde_json::Value = serde_json::from_str(&native).unwrap();
    let text_path = dir.join("article.txt");
    std::fs::write(&text_path, doc["document"]["text"].as_str().unwrap()).unwrap();
    let title = doc["document"]["title"].as_str().unwrap();

    let w3c_path = dir.join("a.w3c.jsonld");
    let out = annotations(&[
        "convert",
        "--to",
        "w3c",
        "-o",
        w3c_path.to_str().unwrap(),
        fixture().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let back = stdout(&annotations(&[
        "convert",
        "--from",
        "w3c",
        "--text",
        text_path.to_str().unwrap(),
        "--title",
        title,
        "--to",
        "native",
        w3c_path.to_str().unwrap(),
    ]));
    assert_eq!(back, native, "W3C keeps ids, tags, offsets, quotes, notes and times");

    let doccano_path = dir.join("a.jsonl");
    std::fs::write(
        &doccano_path,
        stdout(&annotations(&["convert", "--to", "doccano", fixture().to_str().unwrap()])),
    )
    .unwrap();
    let from_doccano = stdout(&annotations(&[
        "convert",
        "--from",
        "doccano",
        "--to",
        "doccano",
        doccano_path.to_str().unwrap(),
    ]));
    assert_eq!(from_doccano, std::fs::read_to_string(&doccano_path).unwrap());
}

#[test]
fn brat_to_a_file_writes_the_text_beside_it() {
    let dir = temp_dir("brat");
    let ann = dir.join("article.ann");
    let out =
        annotations(&["convert", "--to", "brat", "-o", ann.to_str().unwrap(), fixture().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&ann)
            .unwrap()
            .contains("AnnotatorNotes T1\tCheck the WaPo piece <script>x</script>")
    );
    assert!(std::fs::read_to_string(dir.join("article.txt")).unwrap().starts_with("Tokyo took steps"));
}

#[test]
fn bad_input_fails_with_a_clear_message() {
    let dir = temp_dir("bad");
    let not_json = dir.join("notes.json");
    std::fs::write(&not_json, "hello").unwrap();
    let cases: [(Vec<&str>, &str); 3] = [
        (
            vec!["convert", "--to", "csv", "/no/such/file.json"],
            "/no/such/file.json: No such file or directory",
        ),
        (
            vec!["convert", "--to", "csv", not_json.to_str().unwrap()],
            "notes.json: This file is not valid JSON",
        ),
        (
            vec!["convert", "--from", "w3c", "--to", "csv", not_json.to_str().unwrap()],
            "--from w3c needs --text ARTICLE.txt",
        ),
    ];
    for (args, message) in cases {
        let out = annotations(&args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let out = annotations(&["convert", "--to", "yaml", "x"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'yaml'"));
}
