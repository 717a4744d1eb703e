-- Argo CD health check for scalingstage.io/ScalingStage; argocd-cm.yaml beside it installs it.
--
--   Progressing  no status yet; status.observedGeneration behind metadata.generation; the stage rolling out
--   Degraded     Degraded or Stalled is True: the operator cannot go on without a person (CloudNativePG
--                missing, a child refused by the API server or failing)
--   Suspended    Ready, and the next stage waits for a person: PromotionRecommended is True (Recommend mode,
--                or Auto at stage 7, whose way out only recommends), or Manual mode with status.plan's exit
--                trigger Firing
--   Healthy      Ready, and no stage change is waiting
--
-- Why Suspended: it is Argo CD's status for a resource that holds until someone acts, as a paused Rollout
-- waits for its promotion. The operator never writes spec, so a recommended stage happens only when a person
-- commits spec.stage to git: the ScalingStage then waits on the repository Argo CD syncs. Manual mode is the
-- same wait, spoken less: the owner asked to be shown only the plan, and the plan is what says its trigger
-- fired. Argo CD moves a multi-wave sync on only once a wave is Healthy, so give ScalingStages the last wave.
--
-- Argo CD runs a check from argocd-cm without the string and math libraries: this uses the base library only.

local function condition(conditions, type)
  for _, c in ipairs(conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function isTrue(c)
  return c ~= nil and c.status == "True"
end

local function firstTrue(conditions, type, otherType)
  for _, t in ipairs({ type, otherType }) do
    local c = condition(conditions, t)
    if isTrue(c) then
      return c
    end
  end
  return nil
end

local function result(status, message)
  return { status = status, message = message }
end

local function health()
  local status = obj.status
  if status == nil or status.conditions == nil then
    return result("Progressing", "Waiting for the operator's first status.")
  end
  local generation = obj.metadata.generation
  if status.observedGeneration ~= nil and generation ~= nil and status.observedGeneration ~= generation then
    return result("Progressing", "Waiting for the operator to observe generation " .. generation
      .. "; the status is of generation " .. status.observedGeneration .. ".")
  end

  local conditions = status.conditions
  -- Each pair says the same in the operator's words and kstatus's: either one is enough.
  local stuck = firstTrue(conditions, "Degraded", "Stalled")
  if stuck ~= nil then
    return result("Degraded", stuck.message)
  end
  local moving = firstTrue(conditions, "Progressing", "Reconciling")
  if moving ~= nil then
    return result("Progressing", moving.message)
  end

  local ready = condition(conditions, "Ready")
  if not isTrue(ready) then
    return result("Progressing", ready ~= nil and ready.message or "Waiting for the Ready condition.")
  end
  local recommended = condition(conditions, "PromotionRecommended")
  if isTrue(recommended) then
    return result("Suspended", recommended.message)
  end
  local plan = status.plan
  local promotion = obj.spec.promotion
  if promotion ~= nil and promotion.mode == "Manual" and plan ~= nil and plan.state == "Firing" then
    return result("Suspended", "Mode is Manual and the exit trigger of stage " .. status.stage .. " is firing: "
      .. plan.trigger .. ". Set spec.stage: " .. plan.nextStage .. " to move.")
  end
  return result("Healthy", ready.message)
end

hs = health()
return hs
