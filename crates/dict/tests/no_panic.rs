//! Property: no input text panics any reader (it parses or returns an error).

use proptest::prelude::*;

fn all(text: &str) {
    let _ = tacitus_dict::parse_verbs(text, "p");
    let _ = tacitus_dict::parse_actors(text, "p");
    let _ = tacitus_dict::parse_agents(text, "p");
    let _ = tacitus_dict::parse_discards(text, "p");
    let _ = tacitus_dict::parse_issues(text, "p");
    let _ = tacitus_dict::parse_goldstein(text, "p");
    let _ = tacitus_dict::parse_event_descriptions(text, "p");
    let _ = tacitus_dict::parse_cameo_to_plover(text, "p");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        all(&text);
    }

    #[test]
    fn dictionary_like_text_never_panics(
        text in "([-+&$^%*(){}\\[\\]~!#<>:;=,._ \tA-Z0-9é]{0,40}\n){0,12}"
    ) {
        all(&text);
    }

    #[test]
    fn lines_after_a_family_never_panic(body in "[-+&$^%*(){}\\[\\]~!#:;_ A-Z0-9]{0,60}") {
        all(&format!("&SYN\n+A\n--- F [010] ---\nF\n{body}\n- * {body} [010]\n"));
    }
}
