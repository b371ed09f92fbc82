"""The official Python MCP client (PyPI `mcp`) against docspace-mcp, unchanged.

    python mcp_judge.py http URL API_KEY
    python mcp_judge.py stdio BINARY PORTAL_URL API_KEY

Over streamable HTTP it sends the key as `Authorization: Bearer`; over stdio it spawns the
binary with DOCSPACE_API_KEY in its environment. Either way it lists the tools, creates a room,
finds it in get_rooms_folder, and reads a portal error back as a tool error. Exits non-zero on
the first failure, printing what differed.
"""

import asyncio
import json
import sys
import uuid

import httpx2
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

EXPECTED_TOOLS = {
    "copy_batch_items", "delete_file", "download_file_as_text", "get_file_info",
    "move_batch_items", "update_file", "upload_file",
    "create_folder", "delete_folder", "get_folder_content", "get_folder_info", "get_my_folder",
    "rename_folder",
    "get_all_people",
    "archive_room", "create_room", "get_room_access_levels", "get_room_info",
    "get_room_security_info", "get_room_types", "get_rooms_folder", "set_room_security",
    "update_room",
}


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def text_of(result):
    return "".join(getattr(c, "text", "") for c in result.content)


async def exercise(session, transport):
    await session.initialize()

    tools = (await session.list_tools()).tools
    names = {t.name for t in tools}
    check(names == EXPECTED_TOOLS, f"tools differ: missing {EXPECTED_TOOLS - names}, extra {names - EXPECTED_TOOLS}")
    for t in tools:
        check(t.description, f"{t.name} has no description")
        check(t.input_schema.get("type") == "object", f"{t.name}: input schema is not an object")

    types = await session.call_tool("get_room_types", {})
    check(not types.is_error, f"get_room_types failed: {text_of(types)}")
    check(any(t["roomType"] == 2 for t in json.loads(text_of(types))), "no collaboration room type")

    title = f"Judge {transport} {uuid.uuid4().hex[:8]}"
    created = await session.call_tool("create_room", {"title": title, "roomType": 2})
    check(not created.is_error, f"create_room failed: {text_of(created)}")
    room = json.loads(text_of(created))
    check(room["title"] == title, f"created room has title {room['title']!r}")

    listed = await session.call_tool("get_rooms_folder", {"filters": {"filterValue": title}})
    check(not listed.is_error, f"get_rooms_folder failed: {text_of(listed)}")
    folders = json.loads(text_of(listed))["folders"]
    check(any(f["id"] == room["id"] for f in folders), f"room {room['id']} not in get_rooms_folder")

    missing = await session.call_tool("get_room_info", {"roomId": 987654321})
    check(missing.is_error, "get_room_info of a missing room is not a tool error")
    check("could not be found" in text_of(missing), f"no portal message: {text_of(missing)}")

    print(f"{transport}: {len(tools)} tools listed; room {room['id']} created and listed; "
          f"portal error seen as a tool error")


async def over_http(url, key):
    async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {key}"}) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write) as session:
                await exercise(session, "http")


async def over_stdio(binary, portal, key):
    params = StdioServerParameters(
        command=binary,
        args=["--portal", portal],
        env={"DOCSPACE_API_KEY": key},
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await exercise(session, "stdio")


def main(argv):
    if len(argv) == 4 and argv[1] == "http":
        asyncio.run(over_http(argv[2], argv[3]))
    elif len(argv) == 5 and argv[1] == "stdio":
        asyncio.run(over_stdio(argv[2], argv[3], argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
