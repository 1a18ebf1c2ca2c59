import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusHash, MODEL_PATH, TRAIN_PATH, trainModels } from "./train-model.ts";

describe("the shipped naive Bayes model", () => {
  const corpus = readFileSync(TRAIN_PATH, "utf8");
  const shipped = JSON.parse(readFileSync(MODEL_PATH, "utf8")) as { trainedOn: string };

  it("was trained on the current training corpus (re-run train-model.ts when train.jsonl changes)", () => {
    expect(shipped.trainedOn).toBe(corpusHash(corpus));
  });

  it("is reproduced exactly by training again", () => {
    expect(trainModels(corpus)).toEqual(shipped);
  });
});
