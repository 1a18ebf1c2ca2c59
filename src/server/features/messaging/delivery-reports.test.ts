// Delivery reports read into one shape: liberal (only an id and a status are needed), clean of
// control characters, and never holding a number in what is stored or shown.
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { readAtDeliveryReport, readTwilioStatusCallback } from "./delivery-reports.ts";

describe("Africa's Talking delivery reports", () => {
  it.each([
    ["Sent", "pending"],
    ["Submitted", "pending"],
    ["Buffered", "pending"],
    ["Success", "delivered"],
    ["Rejected", "failed"],
    ["Failed", "failed"],
    ["Expired", "failed"],
    ["AbsentSubscriber", "pending"],
  ])("%s means %s (an unknown word settles nothing)", (status, outcome) => {
    expect(readAtDeliveryReport({ id: "ATXid_1", status }).outcome).toBe(outcome);
  });

  it("keeps the id, the reason and the recipient (for matching only), cleaned", () => {
    expect(
      readAtDeliveryReport({
        id: " ATXid_\u00001 ",
        status: "Fail\u001bed",
        failureReason: "UserInBlackList",
        phoneNumber: "+254 712 345 678",
        networkCode: "63902",
        retryCount: "2",
      }),
    ).toEqual({
      gateway: "africastalking",
      providerMessageId: "ATXid_1",
      status: "Failed",
      outcome: "failed",
      failureReason: "UserInBlackList",
      recipient: "+254712345678",
    });
  });

  it("masks a number quoted in the reason, and ignores a recipient that is not a number", () => {
    const report = readAtDeliveryReport({
      id: "ATXid_2",
      status: "Rejected",
      failureReason: "Invalid destination +254712345678",
      phoneNumber: "not a number",
    });
    expect(report.failureReason).toBe("Invalid destination [phone]");
    expect(report.recipient).toBeNull();
  });

  it("refuses a report without an id or a status, naming the field", () => {
    const refused = (fields: Record<string, string>) => {
      try {
        readAtDeliveryReport(fields);
      } catch (error) {
        return (error as AppError).fields?.map((f) => f.path);
      }
      return [];
    };
    expect(refused({ status: "Success" })).toEqual(["id"]);
    expect(refused({ id: "\u0000", status: " " })).toEqual(["id", "status"]);
    expect(() => readAtDeliveryReport({})).toThrow(AppError);
  });
});

describe("Twilio status callbacks", () => {
  it.each([
    ["queued", "pending"],
    ["sending", "pending"],
    ["sent", "pending"],
    ["delivered", "delivered"],
    ["undelivered", "failed"],
    ["failed", "failed"],
  ])("%s means %s", (MessageStatus, outcome) => {
    expect(readTwilioStatusCallback({ MessageSid: "SM1", MessageStatus }).outcome).toBe(outcome);
  });

  it("names the error code as the reason, and falls back to the deprecated SmsSid and SmsStatus", () => {
    expect(
      readTwilioStatusCallback({
        SmsSid: "SM2",
        SmsStatus: "undelivered",
        ErrorCode: "30003",
        To: "+254712345678",
      }),
    ).toEqual({
      gateway: "twilio",
      providerMessageId: "SM2",
      status: "undelivered",
      outcome: "failed",
      failureReason: "Twilio error 30003",
      recipient: "+254712345678",
    });
  });
});
