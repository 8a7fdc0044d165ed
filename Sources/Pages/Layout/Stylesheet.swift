/// The one stylesheet: phone first (390 px), readable on a desktop, colours paired with words
/// (GREEN … BLACK is always written out), system fonts, no web fonts or images to fetch.
public enum Stylesheet {
    /// `/static/vigil.js`: reloads the page every `data-refresh` seconds while it is visible.
    public static let script = """
        (function () {
          var seconds = Number(document.currentScript && document.currentScript.dataset.refresh);
          if (!(seconds > 0)) { return; }
          setInterval(function () { if (!document.hidden) { location.reload(); } }, seconds * 1000);
        })();
        """

    public static let text = """
        :root { --fg: #1b1f24; --muted: #59636e; --line: #d8dee4; --bg: #ffffff; --card: #f6f8fa;
          --green: #1a7f37; --yellow: #9a6700; --orange: #bc4c00; --red: #cf222e; --black: #1b1f24; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          color: var(--fg); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem;
          padding: .5rem .75rem; border-bottom: 1px solid var(--line); background: var(--card); }
        header .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem; }
        nav a { padding: .35rem .55rem; border-radius: 6px; color: var(--fg); text-decoration: none; }
        nav a[aria-current="page"] { background: var(--fg); color: var(--bg); }
        main { max-width: 72rem; margin: 0 auto; padding: .75rem; overflow-wrap: anywhere; }
        h1 { font-size: 1.35rem; margin: .25rem 0 .75rem; }
        h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
        p.meta, .muted { color: var(--muted); font-size: .9rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .6rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .7rem .8rem; }
        .card .value { font-size: 1.6rem; font-weight: 700; }
        .card .label { color: var(--muted); font-size: .85rem; }
        .tile { border-radius: 12px; padding: 1rem; color: #fff; }
        .tile .level { font-size: 2.4rem; font-weight: 800; letter-spacing: .04em; }
        .level-green { background: var(--green); } .level-yellow { background: var(--yellow); }
        .level-orange { background: var(--orange); } .level-red { background: var(--red); }
        .level-black { background: var(--black); }
        .badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .8rem;
          font-weight: 600; border: 1px solid currentColor; }
        .sev-critical { color: var(--red); } .sev-high { color: var(--orange); } .sev-warning { color: var(--yellow); }
        ul.plain { list-style: none; padding: 0; margin: 0; }
        ul.plain li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
        table { width: 100%; border-collapse: collapse; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .scroll { overflow-x: auto; }
        code, .labels { font: .85rem ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-word; }
        svg { max-width: 100%; height: auto; }
        figure { margin: 0 0 1rem; }
        .heatmap svg { width: 100%; max-width: 40rem; }
        form.inline { display: inline; }
        button, input[type=submit] { font: inherit; padding: .45rem .8rem; border-radius: 8px;
          border: 1px solid var(--fg); background: var(--fg); color: var(--bg); }
        input[type=text], select { font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; }
        p.done { background: #dafbe1; border: 1px solid var(--green); border-radius: 8px; padding: .5rem .7rem; }
        .actions { margin-top: .4rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
        form.stack label { display: block; margin: .4rem 0; }
        @media (min-width: 48rem) { .two { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } }
        """
}
