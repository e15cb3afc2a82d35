/** http(s) URLs in running text; a trailing period or parenthesis belongs to the sentence, not the URL. */
const URL = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

/**
 * Wraps each URL in an OSC 8 hyperlink (`ESC ] 8 ;; url ST text ESC ] 8 ;; ST`), so terminals that
 * know them make the text clickable and the others show it unchanged. The visible text stays the URL.
 */
export function hyperlinkUrls(text: string): string {
  return text.replace(URL, (url) => `\u001B]8;;${url}\u001B\\${url}\u001B]8;;\u001B\\`);
}
