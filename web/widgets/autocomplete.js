// An accessible autocomplete for word inputs (WAI-ARIA 1.2 combobox with a listbox popup):
// prefix matches from the vocabulary, most frequent first; when nothing starts with what was
// typed, close words from vectors.suggest(). Arrow keys move, Enter picks, Escape closes.
import { h, uid } from "../ui/dom.js";
import { formatInteger, t } from "../i18n/index.js";

const MAX_ITEMS = 8;

/**
 * Turns `input` into a combobox. ctx gives ctx.vocab and ctx.vectors once loaded (until then
 * nothing is suggested). onPick(word) runs after a suggestion is chosen.
 */
export function attachAutocomplete(input, ctx, { onPick } = {}) {
  const listId = uid("lb");
  const list = h("ul", { id: listId, role: "listbox", class: "ac-list", hidden: true, "i18n-aria-label": "ac.suggestions", testid: "autocomplete-list" });
  input.parentElement.append(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let items = [];
  let active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    active = index;
    list.querySelectorAll("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === active));
      if (i === active) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
    if (active < 0) input.removeAttribute("aria-activedescendant");
  }

  function pick(word) {
    input.value = word;
    close();
    onPick?.(word);
  }

  function update() {
    const prefix = input.value.trim().toLowerCase();
    if (!prefix || !ctx.vocab) return close();
    items = ctx.vocab.prefixMatches(prefix, MAX_ITEMS);
    let fuzzy = false;
    if (!items.length && prefix.length >= 3) {
      items = ctx.vectors.suggest(prefix, 5);
      fuzzy = items.length > 0;
    }
    if (!items.length || (items.length === 1 && items[0] === prefix)) return close();
    const note = fuzzy ? [h("li", { role: "presentation", class: "ac-note" }, t("ac.fuzzy", { prefix }))] : [];
    list.replaceChildren(
      ...note,
      ...items.map((word, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            class: "ac-option",
            "aria-selected": "false",
            onmousedown: (event) => event.preventDefault(), // keep focus in the input
            onclick: () => pick(word),
          },
          h("span", { class: "ac-word" }, word),
          h("span", { class: "ac-rank" }, t("ac.rank", { rank: formatInteger(ctx.vocab.rank(word)) })),
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    setActive(-1);
  }

  input.addEventListener("input", update);
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) update();
      else setActive((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        pick(items[active]);
      } else close();
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      }
    } else if (event.key === "Tab") close();
  });
}
