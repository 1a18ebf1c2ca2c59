import { describe, expect, it } from "vitest";
import { charsetOf, parseFormBody } from "./form-body.ts";

const parse = (body: string | Buffer, charset?: string) =>
  parseFormBody(typeof body === "string" ? Buffer.from(body, "latin1") : body, charset);

describe("parseFormBody", () => {
  it("decodes an Africa's Talking callback exactly as URLSearchParams would", () => {
    const body =
      "linkId=03090445075804249226&text=Msg&to=21512&id=ec9adc86-51d5-4bc8-8eb0-d8ab0bb53dc3&date=2017-05-03T06%3A04%3A45Z&from=%2B254791541111";
    expect({ ...parse(body) }).toEqual(Object.fromEntries(new URLSearchParams(body)));
  });

  it("reads + as a space and keeps UTF-8 emoji and Kiswahili text", () => {
    const body = `text=${encodeURIComponent("Wizi Kayole 😡 leo usiku").replace(/%20/g, "+")}`;
    expect(parse(body).text).toBe("Wizi Kayole 😡 leo usiku");
  });

  it("reads Latin-1 percent escapes that are not valid UTF-8 as Windows-1252 instead of dropping them", () => {
    expect(parse("text=caf%E9+%93quoted%94").text).toBe("café “quoted”");
  });

  it("honours a declared charset", () => {
    expect(parse("text=caf%E9", "iso-8859-1").text).toBe("café");
  });

  it("keeps raw unescaped UTF-8 bytes and malformed escapes as they came", () => {
    expect(parse(Buffer.from("text=Jambo ✓ 100%&x=%ZZ", "utf8"))).toEqual(
      expect.objectContaining({ text: "Jambo ✓ 100%", x: "%ZZ" }),
    );
  });

  it("gives repeated names as an array in order, and a bare name as an empty value", () => {
    expect({ ...parse("a=1&b&a=2&&a=3") }).toEqual({ a: ["1", "2", "3"], b: "" });
  });

  it("reads a form declared UTF-16 as UTF-8, since a form body is ASCII with escapes", () => {
    expect(parseFormBody(Buffer.from("text=Caf%C3%A9&id=1"), "utf-16")).toEqual({ text: "Café", id: "1" });
  });

  it("falls back to UTF-8 for a charset it does not know", () => {
    expect(parse("text=%C3%A9", "x-unknown").text).toBe("é");
  });
});

describe("charsetOf", () => {
  it("finds the charset parameter in any case and quoting", () => {
    expect(charsetOf("application/x-www-form-urlencoded; charset=UTF-8")).toBe("utf-8");
    expect(charsetOf('application/x-www-form-urlencoded;Charset="ISO-8859-1"')).toBe("iso-8859-1");
    expect(charsetOf("application/x-www-form-urlencoded")).toBeUndefined();
  });
});
