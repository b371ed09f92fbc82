// The baseline `cargo xtask bench` compares the minimal docspace-api + docspace-sdk page with
// (bench/min-page): the same features written the way a React developer would, with the official
// @onlyoffice/docspace-react component.
//
// - The rooms list from `GET /api/2.0/files/rooms` and a form that creates a room with
//   `POST /api/2.0/files/rooms`, both same-origin through docspace-host, which adds the API key it
//   holds to requests that carry `x-docspace-host-key: 1` (DocSpace's CORS allows no cookies from
//   another origin, so a page on its own origin goes through a server that holds the credential).
// - A manager frame from the portal named by `?portal=`, signed in by the portal's own session
//   cookie.
//
// Marks, in milliseconds since navigation start: `window.benchListPainted` in the animation frame
// after the first list is in the DOM, `window.benchContentReady` at the manager's first
// onContentReady.
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { DocSpace } from "@onlyoffice/docspace-react";

const portal = new URLSearchParams(location.search).get("portal") || "";
const HEADERS = { Accept: "application/json", "x-docspace-host-key": "1" };
// A custom room (DocSpace's `RoomType.CustomRoom`).
const CUSTOM_ROOM = 5;

async function api(path, init) {
  const r = await fetch("/api/2.0/" + path, { ...init, headers: { ...HEADERS, ...init?.headers } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body?.error?.message || `HTTP ${r.status}`);
  return body.response;
}

function mark(name) {
  if (window[name] === undefined) window[name] = performance.now();
}

// Outside the component: the frame's config must not change between renders.
const FRAME = {
  frameId: "ds-frame",
  mode: "manager",
  width: "100%",
  height: "100%",
  events: { onContentReady: () => mark("benchContentReady") },
};

function Rooms() {
  const [rooms, setRooms] = useState(null);
  const [error, setError] = useState("");
  const [title, setTitle] = useState("");

  useEffect(() => {
    // The first page of 100, as docspace-api asks for it.
    api("files/rooms?startIndex=0&count=100")
      .then((list) => setRooms(list.folders || []))
      .catch((e) => setError(e.message));
  }, []);
  useEffect(() => {
    if (rooms) requestAnimationFrame(() => mark("benchListPainted"));
  }, [rooms !== null]);

  const create = (e) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    api("files/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: t, roomType: CUSTOM_ROOM }),
    })
      .then((room) => {
        setRooms((list) => [room, ...(list || [])]);
        setTitle("");
        setError("");
      })
      .catch((e) => setError(e.message));
  };

  return (
    <aside>
      <form onSubmit={create}>
        <input value={title} onInput={(e) => setTitle(e.target.value)} placeholder="New room" aria-label="Room title" />
        <button type="submit">Create</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {rooms === null ? (
        <p>Loading rooms…</p>
      ) : (
        <ul className="rooms">
          {rooms.map((r) => (
            <li key={r.id}>{r.title}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}

createRoot(document.getElementById("root")).render(
  <>
    <Rooms />
    <main>
      <DocSpace url={portal} config={FRAME} />
    </main>
  </>,
);
