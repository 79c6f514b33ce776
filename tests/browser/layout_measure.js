// Measures the page at the current viewport width for tests/browser/test_layout.py and
// returns a list of problems (strings).
({ checkTargets, target }) => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-3).map(describe);
    problems.push(`scrolls sideways: ${root.scrollWidth}px (widest: ${wide.join(", ")})`);
  }

  function describe(el) {
    const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30);
    return `${el.tagName.toLowerCase()}${classes}${text ? ` "${text}"` : ""}`;
  }
  function visible(el) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.bottom + window.scrollY <= 0) return false;  // moved off screen (skip link)
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === "hidden" || style.display === "none") return false;
      if (style.clipPath && style.clipPath.startsWith("inset(50%")) return false;  // visually hidden
    }
    return true;
  }

  // Text boxes of different text nodes inside one fact list or card must not intersect.
  for (const container of document.querySelectorAll(".facts, .card")) {
    const boxes = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !visible(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.width > 1 && box.height > 1) boxes.push({ node, box });
      }
    }
    outer: for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.node === b.node) continue;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 1 && y > 1) {
          problems.push(`text overlaps in ${describe(container)}: "${a.node.textContent.trim().slice(0, 25)}" / "${b.node.textContent.trim().slice(0, 25)}"`);
          break outer;
        }
      }
    }
  }

  if (!checkTargets) return problems;
  function blockOf(el) {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  }
  function inRunningText(el) {
    if (getComputedStyle(el).display !== "inline") return false;
    const block = blockOf(el);
    if (!block) return false;
    const own = el.textContent.replace(/\s+/g, "");
    return block.textContent.replace(/\s+/g, "").length > own.length;
  }
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary"
  );
  for (const el of controls) {
    if (!visible(el) || inRunningText(el)) continue;
    let box = el.getBoundingClientRect();
    if (el.matches("input[type=checkbox], input[type=radio]")) {
      let { left, top, right, bottom } = box;
      for (const label of el.labels || []) {
        const b = label.getBoundingClientRect();
        left = Math.min(left, b.left); top = Math.min(top, b.top);
        right = Math.max(right, b.right); bottom = Math.max(bottom, b.bottom);
      }
      box = { width: right - left, height: bottom - top };
    }
    if (box.width < target - 0.5 || box.height < target - 0.5) {
      problems.push(`small target ${Math.round(box.width)}x${Math.round(box.height)}: ${describe(el)}`);
    }
  }
  return problems;
}
