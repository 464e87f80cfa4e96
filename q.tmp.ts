import { connect, betrayalChains, filmBetrayalChains } from "./src/index.ts";
const db = await connect();
const brief = (c: any) => c.steps.map((s: any) => `${s.traitorId}${s.viaGroupId ? ` (via ${s.viaGroupId})` : ""} > ${s.betrayedId} @${s.seq} [${s.members.map((m: any) => m.id).join(",")}]`);
for (const [who, tr] of [["Ko Chow", true], ["Ko Chow", false], ["Bony", false], ["Bony", true], ["Chan Kam-wah", false]] as const) {
  const r = await betrayalChains(db, who, { timeRespecting: tr });
  console.log(who, tr, JSON.stringify(r.chains.map(brief), null, 1));
}
const f = await filmBetrayalChains(db, "city on fire", { timeRespecting: false });
console.log(JSON.stringify(f.chains.map(brief), null, 1));
await db.close();
