-- POST realistic, varied submissions of one form; every request is a distinct person (unique email and phone)
-- with a unique Idempotency-Key.
-- Usage: wrk ... -s intake.lua http://host:port -- <assessment|enquiry> <run nonce 0-99> [pause ms]
-- With a pause, each connection waits that long before each request: a steady rate below the peak (webhooks).
--
-- The generator shares the 2 cores with the service, so its own CPU per request counts against the service's side
-- of every ratio (pgbench's is about 27 µs per transaction). Each thread therefore draws TEMPLATES random bodies in
-- init() (contact mix, consent, attribution, answers, message) and, per request, only fills in what makes the person
-- new: the email and phone, built from the run, the thread and a counter.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local form, nonce, tid, n, pause = "assessment", 0, 0, 0, 0
local xff = os.getenv("BENCH_XFF") == "1"

local function pick(list) return list[math.random(#list)] end
local function chance(p) return math.random() < p end
local function q(s) return '"' .. s .. '"' end
local function date(y1, y2)
  return q(string.format("%04d-%02d-%02d", math.random(y1, y2), math.random(1, 12), math.random(1, 28)))
end
local function subset(options, max)
  local chosen, seen = {}, {}
  for _ = 1, math.random(0, max) do
    local o = pick(options)
    if not seen[o] then seen[o] = true; table.insert(chosen, q(o)) end
  end
  return "[" .. table.concat(chosen, ", ") .. "]"
end

local FIRST = { "Alex", "Sam", "Jordan", "Chris", "Taylor", "Priya", "Mohammed", "Olivia", "Liam", "Zoe", "Tomasz", "Aoife" }
local LAST = { "Morgan", "Lee", "Patel", "Smith", "Nowak", "O'Brien", "Khan", "Jones", "García", "Murphy", "Walker" }
local DOMAINS = { "Example.COM", "example.org", "Mail.example.net", "example.co.uk" }
local SOURCES = { "instagram", "google", "facebook", "tiktok", "newsletter" }
local SKIN = { "LICHEN_PLANOPILARIS", "DISCOID_LUPUS", "ALOPECIA_AREATA", "PSORIASIS", "SCALP_ACNE", "OTHER_SKIN_SENSITIVITY" }
local SCARS = { "FUT_SCAR", "FUE_SCARS", "PLUG_SCARS", "TRAUMA_OR_SURGICAL_SCAR", "TRACTION_ALOPECIA", "TRICHOTILLOMANIA",
  "RADIATION_OR_CHEMOTHERAPY" }
local MESSAGES = {
  "Norwood 5, thinking about a shaved look.",
  "I have a FUT scar from 2015 and would like to wear my hair short. Is SMP an option for me?",
  "How much does a session cost and how many sessions would I need?",
  "My hair is thinning on top (I am female, 41). Could SMP add density without shaving?",
  "Had an FUE transplant last spring. When can I come in for a consultation?\nThanks!",
}

-- Placeholders a template carries for the person's unique email and phone; request() fills them in.
local EMAIL, PHONE, NATIONAL_PHONE = "\1", "\2", "\3"

-- The unique parts of the next person: email local part, UK mobile (+44 74.. / +44 75.. by thread), run and counter.
local function next_person()
  n = n + 1
  local email = string.format("bench.%d.%d.%d", nonce, tid, n)
  local phone = string.format("+447%d%02d%06d", 4 + tid % 2, nonce, n % 1000000)
  return email, phone, "0" .. string.sub(phone, 4, 7) .. " " .. string.sub(phone, 8) -- and in national format
end

local function contact_fields()
  local name = q(pick(FIRST) .. " " .. pick(LAST))
  local email = q(EMAIL .. "@" .. pick(DOMAINS))
  local phone = q(chance(0.3) and NATIONAL_PHONE or PHONE)
  local r = math.random()
  if r < 0.55 then       -- email and phone
    return name, email, phone, q(pick({ "EMAIL", "PHONE", "WHATSAPP" }))
  elseif r < 0.85 then   -- email only
    return name, email, nil, q("EMAIL")
  else                   -- phone only
    return name, nil, phone, q(pick({ "PHONE", "WHATSAPP" }))
  end
end

local function attribution()
  if chance(0.4) then return nil end
  return string.format('{"utm_source": %s, "utm_medium": "paid_social", "utm_campaign": "smp-%d", ' ..
    '"landingPage": "https://clinic.example/who-needs-smp"}', q(pick(SOURCES)), math.random(1, 20))
end

local function answers()
  local a = {}
  local function put(k, v) table.insert(a, q(k) .. ": " .. v) end
  put("DATE_OF_BIRTH", date(1950, 2006))
  put("SEX", q(pick({ "MALE", "MALE", "MALE", "FEMALE", "OTHER", "UNDISCLOSED" })))
  put("GOAL", q(pick({ "SHAVED_LOOK", "ADDED_DENSITY", "SCAR_CAMOUFLAGE" })))
  local loss = chance(0.75)
  put("HAIR_LOSS", tostring(loss))
  if loss then
    local pattern = pick({ "MALE_PATTERN", "MALE_PATTERN", "FEMALE_PATTERN", "DIFFUSE_THINNING", "COMPLETE_BALDNESS" })
    put("HAIR_LOSS_PATTERN", q(pattern))
    if pattern == "MALE_PATTERN" and chance(0.8) then
      put("NORWOOD_STAGE", q(pick({ "I", "II", "II_A", "III", "III_A", "III_VERTEX", "IV", "IV_A", "V", "V_A", "VI", "VII" })))
    elseif pattern == "FEMALE_PATTERN" or pattern == "DIFFUSE_THINNING" then
      if chance(0.5) then put("LUDWIG_GRADE", q(pick({ "I", "II", "III" }))) end
      if chance(0.5) then put("SINCLAIR_GRADE", q(pick({ "GRADE_1", "GRADE_2", "GRADE_3", "GRADE_4", "GRADE_5" }))) end
    end
    if pattern ~= "COMPLETE_BALDNESS" then put("HAIR_LOSS_PROGRESSION", q(pick({ "STABLE", "PROGRESSING" }))) end
  end
  if chance(0.5) then put("SCARS", subset(SCARS, 2)) end
  if chance(0.2) then
    local kind = pick(SKIN)
    put("SKIN_CONDITIONS", "[" .. q(kind) .. "]")
    local activity = pick({ "ACTIVE_FLARE", "QUIESCENT", "UNKNOWN" })
    put(kind .. "_ACTIVITY", q(activity))
    if activity == "QUIESCENT" and chance(0.7) then put(kind .. "_QUIESCENT_SINCE", date(2018, 2025)) end
    if chance(0.5) then put(kind .. "_DERMATOLOGIST_CLEARANCE", tostring(chance(0.5))) end
  end
  local done = chance(0.3)
  put("TRANSPLANT_DONE", tostring(done))
  if done then
    put("TRANSPLANT_DATE", date(2010, 2025))
    if chance(0.6) then put("TRANSPLANT_ZONES", subset({ "HAIRLINE", "TEMPLES", "MID_SCALP", "CROWN", "DONOR_AREA" }, 3)) end
  end
  local plan = pick({ "PLANNED", "WANTS_TRANSPLANT", "NO_TRANSPLANT_WANTED", "NO_TRANSPLANT_WANTED", "UNDECIDED" })
  put("TRANSPLANT_PLAN", q(plan))
  if plan == "PLANNED" and chance(0.5) then put("TRANSPLANT_PLANNED_DATE", date(2027, 2028)) end
  if chance(0.4) then put("DONOR_SUPPLY", q(pick({ "ADEQUATE", "LIMITED", "UNKNOWN" }))) end
  put("KELOID_TENDENCY", q(pick({ "YES", "NO", "NO", "NO", "UNKNOWN" })))
  local onco = chance(0.1)
  put("ONCOLOGY_TREATMENT", tostring(onco))
  if onco and chance(0.5) then put("ONCOLOGIST_CLEARANCE", tostring(chance(0.5))) end
  local smp = chance(0.15)
  put("PREVIOUS_SMP", tostring(smp))
  if smp then put("LAST_SMP_DATE", date(2015, 2025)) end
  return "{" .. table.concat(a, ", ") .. "}"
end

local function field(list, k, v) if v then table.insert(list, q(k) .. ": " .. v) end end

local function assessment_body()
  local name, email, phone, channel = contact_fields()
  local c = {}
  field(c, "name", name); field(c, "email", email); field(c, "phone", phone); field(c, "preferredChannel", channel)
  local b = {}
  field(b, "contact", "{" .. table.concat(c, ", ") .. "}")
  field(b, "consent", string.format('{"healthData": true, "contact": true, "privacyNoticeVersion": "2025-11", "marketing": %s}',
    tostring(chance(0.4))))
  field(b, "formVersion", q("2026-11"))
  field(b, "answers", answers())
  field(b, "locale", q(pick({ "en-GB", "en", "en-IE" })))
  field(b, "attribution", attribution())
  return "{" .. table.concat(b, ", ") .. "}"
end

local function enquiry_body()
  local name, email, phone, channel = contact_fields()
  local b = {}
  field(b, "name", name); field(b, "email", email); field(b, "phone", phone); field(b, "preferredChannel", channel)
  field(b, "topic", q(pick({ "SMP", "SMP", "HAIR_TRANSPLANT", "SCAR", "OTHER" })))
  if chance(0.9) then field(b, "message", q(string.gsub(pick(MESSAGES), "\n", "\\n"))) end
  field(b, "locale", q(pick({ "en-GB", "en", "en-IE" })))
  field(b, "consent", string.format('{"contact": true, "privacyNoticeVersion": "2025-11", "marketing": %s}', tostring(chance(0.4))))
  field(b, "attribution", attribution())
  return "{" .. table.concat(b, ", ") .. "}"
end

-- TEMPLATES bodies per thread, drawn once; each request takes the next one round-robin.
local TEMPLATES = 1000
local templates = {}

function init(args)
  form = args[1] or "assessment"
  nonce = tonumber(args[2] or "0") % 100
  pause = tonumber(args[3] or "0")
  tid = tonumber(id) or 0 -- set per thread by setup() in report.lua
  math.randomseed(os.time() * 100 + tid * 7 + nonce)
  for i = 1, TEMPLATES do
    templates[i] = form == "enquiry" and enquiry_body() or assessment_body()
  end
end

function request()
  local email, phone, national = next_person()
  local body = string.gsub(templates[n % TEMPLATES + 1], "[\1\2\3]",
    { [EMAIL] = email, [PHONE] = phone, [NATIONAL_PHONE] = national })
  local path = form == "enquiry" and "/api/v1/enquiries" or "/api/v1/assessments"
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", nonce, tid, n),
    ["User-Agent"] = "wrk-bench",
  }
  -- BENCH_XFF=1: every request from its own client address (through the trusted proxy 127.0.0.1), to measure
  -- the service with its rate limiter on.
  if xff then
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  end
  return wrk.format("POST", path, headers, body)
end

-- wrk calls delay() before each request only when the script defines it.
if (tonumber(os.getenv("BENCH_PAUSE_MS") or "0") or 0) > 0 then
  function delay() return pause end
end
