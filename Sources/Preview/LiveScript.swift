/// The one script a served page carries: it listens to `/live`, shows a running render in a
/// small banner, and swaps a new page in without reloading, keeping the reader's place (or
/// bringing the first changed block into view when it is off screen).
enum LiveScript {
  static let source = """
    "use strict";
    const startNudgeLive = () => {
      const banner = document.createElement("div");
      banner.id = "nudge-live";
      banner.setAttribute("role", "status");
      banner.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:9;max-width:24rem;" +
        "padding:.5rem .8rem;border-radius:8px;font:13px/1.4 system-ui,sans-serif;" +
        "background:#1d2733;color:#fff;box-shadow:0 2px 8px #0004;display:none";
      document.body.appendChild(banner);
      let version = Number(document.querySelector('meta[name="nudge-version"]')?.content ?? 0);
      let fetching = null;

      function say(text) {
        banner.textContent = text;
        banner.style.display = text ? "block" : "none";
      }

      function blocks(root) {
        return Array.from(root.querySelectorAll("article.prose > *, .problems > *"));
      }

      function swap(next) {
        const before = blocks(document);
        const after = blocks(next);
        let first = -1;
        for (let i = 0; i < Math.max(before.length, after.length); i++) {
          if (!before[i] || !after[i] || !before[i].isEqualNode(after[i])) { first = i; break; }
        }
        const x = window.scrollX, y = window.scrollY;
        for (const node of Array.from(document.body.childNodes)) {
          if (node !== banner) node.remove();
        }
        for (const node of Array.from(next.body.childNodes)) {
          document.body.insertBefore(document.adoptNode(node), banner);
        }
        document.title = next.title;
        window.scrollTo(x, y);
        const changed = first >= 0 ? blocks(document)[first] : null;
        if (changed) {
          const box = changed.getBoundingClientRect();
          if (box.bottom < 0 || box.top > window.innerHeight) {
            changed.scrollIntoView({ block: "center" });
          }
        }
      }

      async function load(wanted) {
        if (fetching) return;
        fetching = wanted;
        try {
          const response = await fetch("/", { cache: "no-store" });
          const text = await response.text();
          const next = new DOMParser().parseFromString(text, "text/html");
          const got = Number(next.querySelector('meta[name="nudge-version"]')?.content ?? 0);
          swap(next);
          version = got;
          document.documentElement.dataset.nudgeVersion = String(got);
        } catch (error) {
          say("Preview: could not load the new page (" + error + ")");
        } finally {
          fetching = null;
        }
        if (latest > version) load(latest);
      }

      let latest = version;
      const events = new EventSource("/live");
      events.addEventListener("page", (event) => {
        const page = JSON.parse(event.data);
        latest = Math.max(latest, page.version);
        if (page.version > version) load(page.version);
      });
      events.addEventListener("status", (event) => {
        const s = JSON.parse(event.data);
        if (!s.running) { say(""); return; }
        let text = "Rendering";
        if (s.cell) text += " cell " + s.cellNumber + "/" + s.cellCount + " \\u201c" + s.cell + "\\u201d";
        if (s.epoch) text += ": epoch " + s.epoch + "/" + s.epochs + ", batch " + s.batch + "/" + s.batches;
        say(text + "\\u2026");
      });
      events.onerror = () => say("Preview: connection to nudge lost; retrying\\u2026");
      events.onopen = () => { if (banner.textContent.startsWith("Preview: connection")) say(""); };
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", startNudgeLive);
    } else {
      startNudgeLive();
    }
    """
}
