//! Agreement with the vaderSentiment 3.3.2 package on news-like sentences.
//!
//! The expected scores were produced once by the Python package (`polarity_scores`, compound
//! rounded to 4 places, proportions to 3) and written here as numbers, so the test needs neither
//! Python nor the lexicon file: [`FIXTURE`] holds the package's valences for exactly the lexicon
//! words these sentences contain. With `TACITUS_VADER_LEXICON` pointing at the real
//! `vader_lexicon.txt`, the same table is also checked against the full lexicon.

use tacitus_tone::{Lexicon, SentenceTone};

/// VADER's mean valences for the lexicon words of [`CASES`] (vaderSentiment 3.3.2, MIT licence).
const FIXTURE: &str = concat!(
    ":)\t2.0\n:d\t2.3\nabuse\t-3.2\nagreement\t2.2\narrested\t-2.1\narrests\t-1.9\n",
    "attack\t-2.1\navoid\t-1.2\naward\t2.5\nbad\t-2.5\nbest\t3.2\nbetter\t1.9\n",
    "brutal\t-3.1\ncelebrated\t2.7\ncharged\t-0.8\ncollapse\t-2.2\ncondemn\t-1.6\n",
    "condemned\t-1.9\ncourage\t2.2\ncowardly\t-1.6\ncrime\t-2.5\ncritics\t-1.2\ncut\t-1.1\n",
    "dangerous\t-2.1\ndefeat\t-2.0\ndenied\t-1.9\ndestroyed\t-2.2\ndoubt\t-1.5\n",
    "effective\t2.1\nfail\t-2.5\nfailed\t-2.3\nfailure\t-2.3\nfair\t1.3\nfear\t-2.2\n",
    "free\t2.3\nfreedom\t3.2\nfriendly\t2.2\nfunny\t1.9\ngood\t1.9\ngrateful\t2.0\n",
    "great\t3.1\ngrowing\t0.7\nhandsome\t2.2\nhappy\t2.7\nhope\t1.9\nhorrible\t-2.5\n",
    "hurt\t-2.4\ninjured\t-1.7\ninterest\t2.0\njustice\t2.4\nkilled\t-3.5\nkind\t2.4\n",
    "lol\t1.8\nmistake\t-1.4\nno\t-1.2\noutstanding\t3.0\npeace\t2.5\npeaceful\t2.2\n",
    "praised\t2.2\nproblem\t-1.7\nprofits\t1.9\nprogress\t1.8\npromised\t1.5\n",
    "protect\t1.6\nprotest\t-1.0\nprotesters\t-0.9\nreached\t0.4\nrebels\t-0.8\n",
    "recession\t-1.8\nrelieved\t1.6\nrescue\t2.3\nresigned\t-1.0\nrespected\t2.1\n",
    "sad\t-2.1\nsafe\t1.9\nscandal\t-1.9\nsmart\t1.7\nsolution\t1.3\nstrike\t-0.5\n",
    "strongest\t1.9\nsuccess\t2.7\nsure\t1.3\nsux\t-1.5\nterrible\t-2.1\ntreason\t-1.9\n",
    "uncompelling\t-0.9\nverdict\t0.6\nwarm\t0.9\nwarned\t-1.1\nwelcome\t2.0\n",
    "welcomed\t1.4\nwell\t1.1\nwon\t2.7\nworried\t-1.2\nworse\t-2.1\nworst\t-3.1\n",
);

/// (sentence, compound, positive, negative, neutral) as the Python package scores them.
const CASES: &[(&str, f32, f32, f32, f32)] = &[
    (
        "VADER is smart, handsome, and funny.",
        0.8316,
        0.746,
        0.0,
        0.254,
    ),
    (
        "VADER is smart, handsome, and funny!",
        0.8439,
        0.752,
        0.0,
        0.248,
    ),
    (
        "VADER is very smart, handsome, and funny.",
        0.8545,
        0.701,
        0.0,
        0.299,
    ),
    (
        "VADER is VERY SMART, handsome, and FUNNY.",
        0.9227,
        0.754,
        0.0,
        0.246,
    ),
    (
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        0.9342,
        0.767,
        0.0,
        0.233,
    ),
    (
        "VADER is not smart, handsome, nor funny.",
        -0.7424,
        0.0,
        0.646,
        0.354,
    ),
    ("The book was good.", 0.4404, 0.492, 0.0, 0.508),
    (
        "At least it isn't a horrible book.",
        0.431,
        0.322,
        0.0,
        0.678,
    ),
    ("The book was only kind of good.", 0.3832, 0.303, 0.0, 0.697),
    (
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        -0.7042,
        0.094,
        0.327,
        0.579,
    ),
    ("Today SUX!", -0.5461, 0.0, 0.779, 0.221),
    (
        "Today only kinda sux! But I'll get by, lol",
        0.5249,
        0.317,
        0.127,
        0.556,
    ),
    ("Make sure you :) or :D today!", 0.8633, 0.706, 0.0, 0.294),
    ("Not bad at all", 0.431, 0.487, 0.0, 0.513),
    (
        "The government condemned the attack on the embassy.",
        -0.7184,
        0.0,
        0.5,
        0.5,
    ),
    (
        "Protesters clashed with police, leaving dozens injured.",
        -0.5574,
        0.0,
        0.479,
        0.521,
    ),
    (
        "The two leaders signed a historic peace agreement on Tuesday.",
        0.7717,
        0.456,
        0.0,
        0.544,
    ),
    (
        "Officials said the talks were constructive but no deal was reached.",
        -0.296,
        0.119,
        0.209,
        0.672,
    ),
    (
        "The minister denied any wrongdoing and promised a full investigation.",
        -0.1027,
        0.187,
        0.216,
        0.597,
    ),
    (
        "Rebels killed at least 12 civilians in a brutal raid on the village.",
        -0.886,
        0.0,
        0.51,
        0.49,
    ),
    (
        "The president praised the rescue teams for their extraordinary courage.",
        0.8658,
        0.581,
        0.0,
        0.419,
    ),
    (
        "Aid groups warned that the famine could get much worse.",
        -0.6369,
        0.0,
        0.394,
        0.606,
    ),
    (
        "The ceasefire was not respected by either side.",
        -0.3724,
        0.0,
        0.267,
        0.733,
    ),
    (
        "Markets rallied after the central bank cut interest rates.",
        0.2263,
        0.248,
        0.174,
        0.579,
    ),
    (
        "The opposition leader was arrested and charged with treason.",
        -0.7783,
        0.0,
        0.565,
        0.435,
    ),
    (
        "Relations between the two countries have never been better.",
        -0.3412,
        0.0,
        0.231,
        0.769,
    ),
    (
        "The election was widely seen as free and fair.",
        0.6808,
        0.444,
        0.0,
        0.556,
    ),
    (
        "Critics say the new law is extremely dangerous for press freedom.",
        -0.101,
        0.236,
        0.314,
        0.45,
    ),
    (
        "The summit ended without an agreement.",
        -0.3875,
        0.0,
        0.345,
        0.655,
    ),
    (
        "The army said the situation was under control, but residents reported heavy gunfire.",
        0.0,
        0.0,
        0.0,
        1.0,
    ),
    (
        "The UN welcomed the release of the hostages.",
        0.34,
        0.255,
        0.0,
        0.745,
    ),
    (
        "The floods destroyed thousands of homes and killed more than 200 people.",
        -0.8271,
        0.0,
        0.435,
        0.565,
    ),
    (
        "Police did not find any evidence of a crime.",
        -0.5423,
        0.0,
        0.304,
        0.696,
    ),
    (
        "The company reported slightly better profits than expected.",
        0.6403,
        0.466,
        0.0,
        0.534,
    ),
    (
        "The prime minister resigned amid a growing corruption scandal.",
        -0.4939,
        0.135,
        0.389,
        0.476,
    ),
    (
        "Negotiators were barely able to avoid a collapse of the talks.",
        -0.6293,
        0.0,
        0.363,
        0.637,
    ),
    (
        "This is NOT a good day for democracy!",
        -0.4015,
        0.0,
        0.278,
        0.722,
    ),
    (
        "Thousands celebrated in the streets after the victory!!",
        0.6467,
        0.38,
        0.0,
        0.62,
    ),
    (
        "Is this really the best they can do??",
        0.7039,
        0.409,
        0.0,
        0.591,
    ),
    (
        "The attack was condemned as cowardly and senseless.",
        -0.8225,
        0.0,
        0.632,
        0.368,
    ),
    (
        "Both sides expressed hope for a peaceful solution.",
        0.8126,
        0.627,
        0.0,
        0.373,
    ),
    (
        "The report found no evidence of abuse.",
        -0.7506,
        0.0,
        0.561,
        0.439,
    ),
    (
        "The refugees are safe, happy and grateful.",
        0.8625,
        0.706,
        0.0,
        0.294,
    ),
    (
        "It was not the worst outcome, but it was far from good.",
        0.7182,
        0.375,
        0.0,
        0.625,
    ),
    (
        "The new vaccine is highly effective and safe.",
        0.762,
        0.522,
        0.0,
        0.478,
    ),
    (
        "The protest was largely peaceful, though a few arrests were made.",
        -0.1779,
        0.199,
        0.304,
        0.497,
    ),
    (
        "The deal is a terrible mistake, the senator said.",
        -0.6705,
        0.0,
        0.44,
        0.56,
    ),
    (
        "He was never so happy in his life.",
        0.7702,
        0.448,
        0.0,
        0.552,
    ),
    (
        "The economy is doing really well this year.",
        0.3384,
        0.255,
        0.0,
        0.745,
    ),
    (
        "The bombing killed 30 people and wounded dozens more.",
        -0.6705,
        0.0,
        0.36,
        0.64,
    ),
    (
        "Nobody expected such a warm welcome.",
        0.5994,
        0.551,
        0.0,
        0.449,
    ),
    ("The talks failed.", -0.5106, 0.0, 0.623, 0.377),
    (
        "She won the award for outstanding reporting.",
        0.9042,
        0.737,
        0.0,
        0.263,
    ),
    ("It isn't really that bad.", 0.4689, 0.433, 0.0, 0.567),
    (
        "Investors fear a deep recession.",
        -0.7184,
        0.0,
        0.667,
        0.333,
    ),
    (
        "We condemn this attack in the strongest terms.",
        -0.5147,
        0.205,
        0.441,
        0.354,
    ),
    (
        "There is absolutely no doubt the ceasefire will hold.",
        0.3982,
        0.345,
        0.0,
        0.655,
    ),
    (
        "The situation in the city is so bad that aid cannot get through.",
        -0.6696,
        0.0,
        0.272,
        0.728,
    ),
    (
        "No agreement was reached, and no progress was made.",
        -0.5514,
        0.113,
        0.401,
        0.485,
    ),
    (
        "The minister said there was no problem with the vote.",
        0.3089,
        0.201,
        0.0,
        0.799,
    ),
    (
        "Residents were not happy, but they were relieved that nobody was hurt.",
        -0.4937,
        0.179,
        0.347,
        0.474,
    ),
    (
        "Why did the government fail to protect its citizens???",
        -0.3485,
        0.191,
        0.296,
        0.513,
    ),
    (
        "Officials insisted the strike was a success, not a failure.",
        0.7097,
        0.43,
        0.101,
        0.47,
    ),
    (
        "The verdict is a victory for justice and a defeat for impunity.",
        0.25,
        0.294,
        0.176,
        0.529,
    ),
    (
        "Doctors are deeply worried about the spread of the virus.",
        -0.3597,
        0.0,
        0.217,
        0.783,
    ),
    (
        "It was a sad day for the country, the president said.",
        -0.4767,
        0.0,
        0.237,
        0.763,
    ),
    (
        "The talks were neither productive nor friendly.",
        0.297,
        0.269,
        0.0,
        0.731,
    ),
];

/// Largest compound difference from the package allowed on any sentence.
const COMPOUND_TOLERANCE: f32 = 0.05;
/// Largest difference allowed on any proportion.
const PROPORTION_TOLERANCE: f32 = 0.02;

/// Checks every case against `lex`; returns (mean, max) absolute compound difference.
fn agreement(lex: &Lexicon) -> (f32, f32) {
    let (mut sum, mut max) = (0.0f32, 0.0f32);
    for &(text, compound, positive, negative, neutral) in CASES {
        let got = lex.sentence(text);
        let d = (got.compound - compound).abs();
        assert!(
            d <= COMPOUND_TOLERANCE,
            "{text:?}: {got:?}, VADER {compound}"
        );
        for (ours, theirs) in [
            (got.positive, positive),
            (got.negative, negative),
            (got.neutral, neutral),
        ] {
            assert!(
                (ours - theirs).abs() <= PROPORTION_TOLERANCE,
                "{text:?}: {got:?}, VADER ({positive}, {negative}, {neutral})"
            );
        }
        sum += d;
        max = max.max(d);
    }
    (sum / CASES.len() as f32, max)
}

#[test]
fn agrees_with_vader_on_news_sentences() {
    let lex = Lexicon::from_vader(FIXTURE).unwrap();
    assert_eq!(lex.len(), 96);
    assert!(CASES.len() >= 40);
    let (mean, max) = agreement(&lex);
    println!(
        "{} sentences: mean |compound − VADER| {mean:.5}, max {max:.5}",
        CASES.len()
    );
    // The cases avoid the documented deviations, so agreement is to the package's rounding.
    assert!(max <= 0.0006, "max difference {max}");
}

#[test]
fn well_known_examples() {
    let lex = Lexicon::from_vader(FIXTURE).unwrap();
    let smart = lex.sentence("VADER is smart, handsome, and funny!");
    assert!((smart.compound - 0.8439).abs() < 5e-4, "{smart:?}");
    let caps = lex.sentence("VADER is VERY SMART, handsome, and FUNNY!!!");
    assert!(caps.compound > smart.compound);
    let not = lex.sentence("VADER is not smart, handsome, nor funny.");
    assert!(not.compound < -0.7, "{not:?}");
    assert_eq!(lex.sentence(""), SentenceTone::default());
}

#[test]
fn agrees_with_vader_using_the_real_lexicon() {
    let Some(path) = std::env::var_os("TACITUS_VADER_LEXICON") else {
        println!("skipped: set TACITUS_VADER_LEXICON to vaderSentiment's vader_lexicon.txt");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let lex = Lexicon::from_vader(&text).unwrap();
    assert_eq!(
        lex.len(),
        7506,
        "vaderSentiment 3.3.2 has 7506 distinct tokens"
    );
    let (mean, max) = agreement(&lex);
    println!("real lexicon: mean |compound − VADER| {mean:.5}, max {max:.5}");
    assert!(max <= 0.0006, "max difference {max}");

    let file = std::env::temp_dir().join(format!("tacitus-tone-real-{}.model", std::process::id()));
    lex.save(&file).unwrap();
    assert_eq!(Lexicon::load(&file).unwrap(), lex);
    std::fs::remove_file(&file).unwrap();
}
