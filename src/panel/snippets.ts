/** Saved snippets and send history, persisted in extension storage (never visible to pages). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseSnippets, type Snippet } from '../model/composer';

const KEY = 'wsinspect.snippets';

export function useSnippets(): { snippets: Snippet[]; save(list: Snippet[]): void } {
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  useEffect(() => {
    browser.storage.local.get(KEY).then((stored) => {
      try { setSnippets(parseSnippets(JSON.stringify(stored[KEY] ?? []))); } catch { setSnippets([]); }
    }, () => {});
  }, []);
  const save = (list: Snippet[]) => {
    setSnippets(list);
    browser.storage.local.set({ [KEY]: list }).catch(() => {});
  };
  return { snippets, save };
}

/** Offers `text` as a file download (snippet export). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
