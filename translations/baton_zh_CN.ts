<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessCutoff</name>
    <message>
        <source>reading accounts</source>
        <translation>读取账号</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>读取审计日志</translation>
    </message>
</context>
<context>
    <name>AccountRules</name>
    <message>
        <source>account %1</source>
        <translation>账号 %1</translation>
    </message>
    <message>
        <source>A login uses 2 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>登录名须为 2 至 64 个字符，只能使用小写字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is already taken.</source>
        <translation>登录名“%1”已被占用。</translation>
    </message>
    <message>
        <source>The password must be stored as an scrypt verifier.</source>
        <translation>密码必须以 scrypt 校验值的形式存储。</translation>
    </message>
    <message>
        <source>The employee for this account does not exist.</source>
        <translation>该账号对应的员工不存在。</translation>
    </message>
    <message>
        <source>This employee already has an account.</source>
        <translation>该员工已有账号。</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>角色 %1</translation>
    </message>
    <message>
        <source>The account for this role does not exist.</source>
        <translation>该角色对应的账号不存在。</translation>
    </message>
    <message>
        <source>The department for this role does not exist.</source>
        <translation>该角色对应的部门不存在。</translation>
    </message>
    <message>
        <source>A role must end after it starts.</source>
        <translation>角色的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>This is the last administrator role; grant another administrator first.</source>
        <translation>这是最后一个系统管理员角色；请先为其他人授予系统管理员角色。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>checking for an administrator</source>
        <translation>检查系统管理员</translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation>此数据库已有系统管理员。</translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认知悉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理完毕</translation>
    </message>
</context>
<context>
    <name>AlertScanner</name>
    <message numerus="yes">
        <source>“%1” is %n day(s) overdue</source>
        <translation>
            <numerusform>“%1”已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>It was due %1 and is %2% done. Report its progress, or agree a new date with your supervisor.</source>
        <translation>截止日期为 %1，目前完成 %2%。请汇报其进度，或与您的主管商定新的日期。</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s task “%2” is %n day(s) overdue</source>
        <translation>
            <numerusform>%1 的任务“%2”已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>It was due %1 and is %2% done. You are %3&apos;s supervisor: find out what holds it up.</source>
        <translation>截止日期为 %1，目前完成 %2%。您是 %3 的主管：请了解是什么阻碍了进度。</translation>
    </message>
    <message>
        <source>Your weekly report for the week of %1 is missing</source>
        <translation>您 %1 当周的周报尚未提交</translation>
    </message>
    <message>
        <source>It was due by the end of %1. Write it under Performance, Reports: what was done, what is planned and what is in the way.</source>
        <translation>应在 %1 结束前提交。请在“绩效 &gt; 汇报”下填写：已完成的工作、计划的工作以及遇到的阻碍。</translation>
    </message>
    <message>
        <source>“%1” is late for your decision</source>
        <translation>“%1”等待您决定，已超时</translation>
    </message>
    <message>
        <source>%1&apos;s request waits on you at “%2”; its deadline was %3.</source>
        <translation>%1 的申请在“%2”环节等待您处理；截止时间为 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s request has waited on you at “%2” since %3; a step is late after %n hour(s).</source>
        <translation>
            <numerusform>%1 的申请自 %3 起在“%2”环节等待您处理；每个步骤超过 %n 小时即视为超时。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertThresholds</name>
    <message>
        <source>Days past due before an overdue task warns</source>
        <translation>任务逾期多少天后发出预警</translation>
    </message>
    <message>
        <source>Days into the next week before a weekly report is missing</source>
        <translation>进入下一周多少天后视为周报缺失</translation>
    </message>
    <message>
        <source>Hours before an approval step without a deadline is late</source>
        <translation>无截止时间的审批步骤超过多少小时视为超时</translation>
    </message>
    <message>
        <source>%1: a whole number from 1 to %2.</source>
        <translation>%1：须为 1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The warning thresholds are a JSON object of whole numbers.</source>
        <translation>预警阈值须为由整数组成的 JSON 对象。</translation>
    </message>
    <message>
        <source>“%1” is not a warning threshold; the thresholds are %2.</source>
        <translation>“%1”不是预警阈值；阈值包括 %2。</translation>
    </message>
    <message>
        <source>%1 (%2): a whole number from 1 to %3, not %4.</source>
        <translation>%1（%2）：应为 1 到 %3 之间的整数，而不是 %4。</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>someone not on this computer</source>
        <translation>不在本计算机上的用户</translation>
    </message>
    <message>
        <source>reading tasks</source>
        <translation>读取任务</translation>
    </message>
    <message>
        <source>reading reports</source>
        <translation>读取汇报</translation>
    </message>
    <message>
        <source>reading approvals</source>
        <translation>读取审批</translation>
    </message>
    <message>
        <source>reading warnings</source>
        <translation>读取预警</translation>
    </message>
    <message>
        <source>This is not a warning Baton knows.</source>
        <translation>Baton 无法识别此预警。</translation>
    </message>
    <message>
        <source>Warnings are handled by employees, in their own name.</source>
        <translation>预警由员工本人以自己的名义处理。</translation>
    </message>
    <message>
        <source>Say how the warning was resolved.</source>
        <translation>请说明预警是如何处理的。</translation>
    </message>
    <message>
        <source>A note is at most %1 characters long.</source>
        <translation>备注最多 %1 个字符。</translation>
    </message>
    <message>
        <source>This warning is resolved already.</source>
        <translation>此预警已处理完毕。</translation>
    </message>
    <message>
        <source>This warning is acknowledged already.</source>
        <translation>此预警已确认知悉。</translation>
    </message>
</context>
<context>
    <name>ApprovalFormat</name>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Return for more information</source>
        <translation>退回补充信息</translation>
    </message>
    <message>
        <source>Submitter&apos;s manager</source>
        <translation>申请人的直属上级</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Named people</source>
        <translation>指定人员</translation>
    </message>
    <message>
        <source>Chosen by the submitter</source>
        <translation>申请人自选</translation>
    </message>
    <message>
        <source>The submitter</source>
        <translation>申请人本人</translation>
    </message>
</context>
<context>
    <name>ApprovalRules</name>
    <message>
        <source>someone no longer on file</source>
        <translation>已不在记录中的人员</translation>
    </message>
    <message>
        <source>This step waits on %1, not on you.</source>
        <translation>此环节等待 %1 处理，而不是您。</translation>
    </message>
    <message>
        <source>This step names no one who may act.</source>
        <translation>此环节未指定可处理的人员。</translation>
    </message>
    <message>
        <source>This step needs the %1 of the submitter&apos;s department; you do not act in that role for it.</source>
        <translation>此环节须由申请人所在部门的%1处理；您并不以该角色对该部门负责。</translation>
    </message>
    <message>
        <source>The request&apos;s workflow does not exist.</source>
        <translation>该申请所用的流程不存在。</translation>
    </message>
    <message>
        <source>This request is no longer waiting for decisions: it is %1.</source>
        <translation>此申请已不再等待审批：当前状态为“%1”。</translation>
    </message>
    <message>
        <source>A workflow&apos;s code is 2 to 40 lower-case letters, digits or underscores, starting with a letter.</source>
        <translation>流程编码须为 2 至 40 个小写字母、数字或下划线，且须以字母开头。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; names someone who is not an employee here.</source>
        <translation>节点“%1”指定的人员不是本单位员工。</translation>
    </message>
    <message>
        <source>%1 is not an ISO 4217 currency code.</source>
        <translation>“%1”不是 ISO 4217 币种代码。</translation>
    </message>
    <message>
        <source>The next version of the workflow &quot;%1&quot; is %2, not %3: someone may have changed it meanwhile.</source>
        <translation>流程“%1”的下一个版本应为 %2，而不是 %3：可能有其他人同时修改了该流程。</translation>
    </message>
    <message>
        <source>A request is never removed; withdraw it instead.</source>
        <translation>申请不能删除；请改为撤回。</translation>
    </message>
    <message>
        <source>An expense claim needs an amount.</source>
        <translation>报销单必须填写金额。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>An amount needs its ISO 4217 currency code.</source>
        <translation>金额必须注明 ISO 4217 币种代码。</translation>
    </message>
    <message>
        <source>Only the person who submitted a request can change it.</source>
        <translation>只有申请人本人才能修改申请。</translation>
    </message>
    <message>
        <source>Only a request returned for more information can be submitted again.</source>
        <translation>只有被退回补充信息的申请才能重新提交。</translation>
    </message>
    <message>
        <source>The request can no longer be withdrawn: a decision has been made on it.</source>
        <translation>该申请已无法撤回：已有人作出审批决定。</translation>
    </message>
    <message>
        <source>The document cannot change once someone has decided on it; it changes when a returned request is submitted again.</source>
        <translation>一旦有人作出审批决定，申请内容便不能再修改；被退回的申请重新提交时方可修改。</translation>
    </message>
    <message>
        <source>A request is submitted in one&apos;s own name.</source>
        <translation>申请只能以本人名义提交。</translation>
    </message>
    <message>
        <source>A request belongs to its submitter&apos;s department.</source>
        <translation>申请须归属于申请人所在的部门。</translation>
    </message>
    <message>
        <source>The workflow &quot;%1&quot; is no longer in use.</source>
        <translation>流程“%1”已停用。</translation>
    </message>
    <message>
        <source>The workflow &quot;%1&quot; has a newer version; submit on that.</source>
        <translation>流程“%1”已有更新的版本，请使用新版本提交。</translation>
    </message>
    <message>
        <source>A new request starts open, in round 1.</source>
        <translation>新申请须处于审批中状态，并从第 1 轮开始。</translation>
    </message>
    <message>
        <source>Marking a claim paid changes nothing else.</source>
        <translation>将报销单标记为已付款时，不能同时修改其他内容。</translation>
    </message>
    <message>
        <source>Only expense claims are paid.</source>
        <translation>只有报销单才能标记为已付款。</translation>
    </message>
    <message>
        <source>The claim is already marked paid.</source>
        <translation>该报销单已标记为已付款。</translation>
    </message>
    <message>
        <source>The claim cannot be marked paid: it is %1.</source>
        <translation>该报销单不能标记为已付款：其状态为“%1”。</translation>
    </message>
    <message>
        <source>a decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>The claim cannot be marked paid: it still needs &quot;%1&quot;.</source>
        <translation>该报销单不能标记为已付款：尚待“%1”。</translation>
    </message>
    <message>
        <source>An approval step is never removed.</source>
        <translation>审批环节不能删除。</translation>
    </message>
    <message>
        <source>The step&apos;s request does not exist.</source>
        <translation>该审批环节所属的申请不存在。</translation>
    </message>
    <message>
        <source>A new step carries no decision.</source>
        <translation>新建的审批环节不能带有审批决定。</translation>
    </message>
    <message>
        <source>A new step waits, in the request&apos;s current round.</source>
        <translation>新建的审批环节须处于待审批状态，并属于申请的当前轮次。</translation>
    </message>
    <message>
        <source>Only the approver of a waiting step can be changed.</source>
        <translation>只能更改待审批环节的审批人。</translation>
    </message>
    <message>
        <source>The steps of a request are set out by its submitter.</source>
        <translation>申请的审批环节由申请人设定。</translation>
    </message>
    <message>
        <source>Steps cannot be added once a decision has been made.</source>
        <translation>已有审批决定后，不能再添加审批环节。</translation>
    </message>
    <message>
        <source>The workflow has no node at this place.</source>
        <translation>流程在此位置没有节点。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; does not apply to this amount.</source>
        <translation>节点“%1”不适用于此金额。</translation>
    </message>
    <message>
        <source>The step does not match the node &quot;%1&quot; of its workflow.</source>
        <translation>该审批环节与其流程中的节点“%1”不符。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; is decided by the %2.</source>
        <translation>节点“%1”由%2审批。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; needs a person to act.</source>
        <translation>节点“%1”需要指定处理人。</translation>
    </message>
    <message>
        <source>%1 cannot act at the node &quot;%2&quot; of this request.</source>
        <translation>%1 不能处理此申请的节点“%2”。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; already has this step.</source>
        <translation>节点“%1”已有此审批环节。</translation>
    </message>
    <message>
        <source>An approver is added in one&apos;s own name.</source>
        <translation>加签只能以本人名义进行。</translation>
    </message>
    <message>
        <source>Only an approver the request is waiting on can add another.</source>
        <translation>只有当前待其审批的审批人才能加签。</translation>
    </message>
    <message>
        <source>An added approver comes right after the node that is waiting.</source>
        <translation>加签的审批人须紧接在当前等待审批的节点之后。</translation>
    </message>
    <message>
        <source>An added approver must be a current employee.</source>
        <translation>加签的审批人必须是在职员工。</translation>
    </message>
    <message>
        <source>A request&apos;s submitter cannot approve it.</source>
        <translation>申请人不能审批自己的申请。</translation>
    </message>
    <message>
        <source>An added approver decides alone.</source>
        <translation>加签的审批人单独审批。</translation>
    </message>
    <message>
        <source>Only a step still waiting can move to someone else.</source>
        <translation>只有仍待审批的环节才能转交他人。</translation>
    </message>
    <message>
        <source>A step decided by a role is not assigned to anyone.</source>
        <translation>由角色审批的环节不能指派给具体人员。</translation>
    </message>
    <message>
        <source>A step can only move to a current employee.</source>
        <translation>审批环节只能转交给在职员工。</translation>
    </message>
    <message>
        <source>A decision changes nothing but the decision.</source>
        <translation>作出审批决定时不能修改其他内容。</translation>
    </message>
    <message>
        <source>Another approver has already decided this node.</source>
        <translation>另一位审批人已对此节点作出审批决定。</translation>
    </message>
    <message>
        <source>This step&apos;s turn has not come: an earlier node is still waiting.</source>
        <translation>尚未轮到此环节：前面的节点仍在等待审批。</translation>
    </message>
    <message>
        <source>Say why: rejecting or returning a request needs an opinion.</source>
        <translation>请说明理由：驳回或退回申请时必须填写审批意见。</translation>
    </message>
    <message>
        <source>A decision carries its approver and the time it was made.</source>
        <translation>审批决定必须注明审批人和作出决定的时间。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; needs a file attached before it is approved.</source>
        <translation>节点“%1”须先上传附件才能审批通过。</translation>
    </message>
    <message>
        <source>The signed content does not match the decision and the request as they stand.</source>
        <translation>签名内容与当前的审批决定和申请不符。</translation>
    </message>
    <message>
        <source>A decision must be signed.</source>
        <translation>审批决定必须签名。</translation>
    </message>
    <message>
        <source>This installation holds no CA certificate to check the decision&apos;s signature against.</source>
        <translation>本机没有可用于校验审批决定签名的 CA 证书。</translation>
    </message>
    <message>
        <source>The decision is signed with %1&apos;s certificate, not with the approver&apos;s.</source>
        <translation>该审批决定使用的是 %1 的证书签名，而不是审批人的证书。</translation>
    </message>
    <message>
        <source>A file attached to a request can be at most %1 MB.</source>
        <translation>申请的每个附件最大为 %1 MB。</translation>
    </message>
    <message>
        <source>The file&apos;s content does not match its size and SHA-256.</source>
        <translation>文件内容与其大小和 SHA-256 不符。</translation>
    </message>
    <message>
        <source>A file name cannot contain a path.</source>
        <translation>文件名不能包含路径。</translation>
    </message>
    <message>
        <source>The attachment&apos;s request does not exist.</source>
        <translation>附件所属的申请不存在。</translation>
    </message>
    <message>
        <source>A file is attached in the request&apos;s current round.</source>
        <translation>附件只能添加到申请的当前轮次。</translation>
    </message>
    <message>
        <source>Only the submitter attaches files to the document.</source>
        <translation>只有申请人才能为申请内容添加附件。</translation>
    </message>
    <message>
        <source>Files cannot be added to the document once someone has decided on it.</source>
        <translation>一旦有人作出审批决定，便不能再为申请内容添加附件。</translation>
    </message>
    <message>
        <source>A file is attached at the step that is waiting.</source>
        <translation>附件只能添加到正在等待审批的环节。</translation>
    </message>
    <message>
        <source>The attachment&apos;s step does not exist.</source>
        <translation>附件所属的审批环节不存在。</translation>
    </message>
    <message>
        <source>The time stamp&apos;s signed decision does not exist.</source>
        <translation>时间戳所对应的已签名审批决定不存在。</translation>
    </message>
    <message>
        <source>The time stated with the token is not the token&apos;s own.</source>
        <translation>随时间戳令牌提供的时间与令牌本身记载的时间不符。</translation>
    </message>
    <message>
        <source>The decision has its time stamp already.</source>
        <translation>该审批决定已有时间戳。</translation>
    </message>
    <message>
        <source>A %1 is started by HR or the department manager.</source>
        <translation>%1只能由人事或部门经理发起。</translation>
    </message>
</context>
<context>
    <name>ApprovalVerifier</name>
    <message>
        <source>There is no request %1 here.</source>
        <translation>本数据库中不存在申请 %1。</translation>
    </message>
    <message>
        <source>This installation holds no CA certificate to check signatures against.</source>
        <translation>本机没有可用于校验签名的 CA 证书。</translation>
    </message>
    <message>
        <source>The time stored with the token is not the token&apos;s.</source>
        <translation>随时间戳令牌保存的时间与令牌本身记载的时间不符。</translation>
    </message>
    <message>
        <source>The certificate is %1&apos;s, but the content names %2.</source>
        <translation>证书属于 %1，但签名内容中写明的是 %2。</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>the workflow version</source>
        <translation>流程版本</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>The records no longer match what was signed: %1.</source>
        <translation>记录与签名时的内容已不相符：%1。</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>读取审计日志</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of this request have no audit entry.</source>
        <translation>
            <numerusform>此申请有 %n 项更改没有对应的审计记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail is broken at entry %1: %2</source>
        <translation>审计日志在记录 %1 处损坏：%2</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>(not on this device)</source>
        <translation>（不在本设备上）</translation>
    </message>
    <message>
        <source>reading approval requests</source>
        <translation>读取审批申请</translation>
    </message>
    <message>
        <source>The request does not exist here.</source>
        <translation>本数据库中不存在该申请。</translation>
    </message>
    <message>
        <source>You may not see this request.</source>
        <translation>您无权查看此申请。</translation>
    </message>
    <message>
        <source>The file is not on this device.</source>
        <translation>该文件不在本设备上。</translation>
    </message>
    <message>
        <source>the submitter&apos;s answer</source>
        <translation>申请人补充信息</translation>
    </message>
    <message>
        <source>reading approvals</source>
        <translation>读取审批</translation>
    </message>
    <message>
        <source>reading workflow templates</source>
        <translation>读取流程模板</translation>
    </message>
    <message>
        <source>The workflow template does not exist.</source>
        <translation>该流程模板不存在。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, the most a request can carry.</source>
        <translation>%1 大于 %2 MB，超出了申请附件的大小上限。</translation>
    </message>
    <message>
        <source>Nobody answers for %1 at &quot;%2&quot;: set their manager or their department&apos;s head first.</source>
        <translation>节点“%2”找不到负责审批 %1 的人：请先设置其直属上级或所在部门的负责人。</translation>
    </message>
    <message>
        <source>Name who acts at &quot;%1&quot;.</source>
        <translation>请指定节点“%1”的处理人。</translation>
    </message>
    <message>
        <source>No node of the workflow applies to this request.</source>
        <translation>流程中没有适用于此申请的节点。</translation>
    </message>
    <message>
        <source>Requests are submitted by employees; this account is not one.</source>
        <translation>申请只能由员工提交；此账号不属于任何员工。</translation>
    </message>
    <message>
        <source>The request does not exist.</source>
        <translation>该申请不存在。</translation>
    </message>
    <message>
        <source>The approval step does not exist.</source>
        <translation>该审批环节不存在。</translation>
    </message>
    <message>
        <source>Say why: rejecting or returning a request needs an opinion.</source>
        <translation>请说明理由：驳回或退回申请时必须填写审批意见。</translation>
    </message>
    <message>
        <source>Approvers can be added only while the request is in progress.</source>
        <translation>只有在申请审批中时才能加签。</translation>
    </message>
    <message>
        <source>No more approvers can be added after this node.</source>
        <translation>此节点之后不能再加签。</translation>
    </message>
    <message>
        <source>%1 has waiting approvals but nobody to take them over: name a successor or set their manager.</source>
        <translation>%1 有待处理的审批，但没有人可以接手：请指定接任人或设置其直属上级。</translation>
    </message>
    <message>
        <source>reading signed decisions</source>
        <translation>读取已签名的审批决定</translation>
    </message>
</context>
<context>
    <name>AttributionContent</name>
    <message>
        <source>The signed attribution is not in Baton&apos;s form.</source>
        <translation>已签名的归因不符合 Baton 的格式。</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Create employee</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>Update employee</source>
        <translation>修改员工</translation>
    </message>
    <message>
        <source>Update contact details</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>Retire employee</source>
        <translation>归档员工</translation>
    </message>
    <message>
        <source>Change organisation</source>
        <translation>变更组织架构</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>变更账号</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>Change role grant</source>
        <translation>变更角色授权</translation>
    </message>
    <message>
        <source>Revoke role</source>
        <translation>撤销角色</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Role grant</source>
        <translation>角色授权</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>校验审计哈希链</translation>
    </message>
    <message>
        <source>Chain verifications</source>
        <translation>哈希链校验</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>Give an existing database file with --database FILE.</source>
        <translation>请用 --database FILE 指定一个已存在的数据库文件。</translation>
    </message>
    <message>
        <source>BROKEN: entry %1: %2</source>
        <translation>已损坏：记录 %1：%2</translation>
    </message>
    <message>
        <source>  entry %1 reads: %2</source>
        <translation>  记录 %1 的内容：%2</translation>
    </message>
    <message>
        <source>OK: all %1 audit entries check out (%2 s).</source>
        <translation>正常：全部 %1 条审计记录校验通过（用时 %2 秒）。</translation>
    </message>
    <message>
        <source>Usage: baton-cli audit verify --database FILE|URL</source>
        <translation>用法：baton-cli audit verify --database FILE|URL</translation>
    </message>
</context>
<context>
    <name>AuditCsvWriter</name>
    <message>
        <source>Could not create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>操作代码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>AuditEntryReader</name>
    <message>
        <source>reading an audit entry</source>
        <translation>读取审计记录</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>counting audit entries</source>
        <translation>统计审计记录数</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>读取审计日志</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>reading the audit trail</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>Entry %1 is missing: the trail jumps from %2 to %3.</source>
        <translation>记录 %1 缺失：审计日志从记录 %2 直接跳到了记录 %3。</translation>
    </message>
    <message>
        <source>Entry %1 does not follow entry %2: an entry before it was removed, inserted or rewritten.</source>
        <translation>记录 %1 与记录 %2 衔接不上：其之前的某条记录被删除、插入或改写过。</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written: its content no longer matches its hash.</source>
        <translation>记录 %1 在写入后被修改过：其内容与哈希值不再相符。</translation>
    </message>
    <message>
        <source>Entry %1 is missing.</source>
        <translation>记录 %1 缺失。</translation>
    </message>
    <message>
        <source>Entry 1 is missing: the trail starts at entry %1.</source>
        <translation>记录 1 缺失：审计日志从记录 %1 开始。</translation>
    </message>
</context>
<context>
    <name>Authenticator</name>
    <message>
        <source>reading sign-in attempts</source>
        <translation>读取登录尝试记录</translation>
    </message>
    <message>
        <source>recording a failed sign-in</source>
        <translation>记录登录失败</translation>
    </message>
    <message>
        <source>recording a sign-in</source>
        <translation>记录登录</translation>
    </message>
    <message>
        <source>The login or password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed attempts: this account is locked on this computer until %1.</source>
        <translation>失败次数过多：此账号在本机上已被锁定，直至 %1。</translation>
    </message>
    <message>
        <source>reading an account</source>
        <translation>读取账号</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>此账号已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>This account belonged to an employee who has left; access ended on the departure date.</source>
        <translation>此账号所属的员工已离职，访问权限已于离职日期终止。</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>当前没有登录的用户。</translation>
    </message>
    <message>
        <source>The login or password is wrong. One more failed attempt locks this account on this computer for %1 minutes.</source>
        <translation>登录名或密码错误。再失败一次，此账号将在本机锁定 %1 分钟。</translation>
    </message>
</context>
<context>
    <name>BatonCli</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Usage: baton-cli COMMAND [options]

Commands:
  init --database FILE --admin NAME (--password-file F | --password P)
        Create a database and its first administrator.
  demo --employees N --seed S (--database FILE | --server URL)
        Create the demo company in a new database (or load it into an
        empty baton-server) and print its logins.
  sync --database FILE --server URL --user NAME --password-file F
        Sync a database with the server once; exit 0 when in step.
  audit verify --database FILE
        Check the audit trail&apos;s hash chain; name the first broken entry.
  verify request ID --database FILE
        Check a request&apos;s signatures, certificates, time stamps and audit
        entries.
  export request ID --out DIR --database FILE
        Write a request&apos;s signed content, signatures (CMS, DER), time-stamp
        tokens and the CA certificate, for stock openssl.
  export dossier --employee NUMBER --database FILE --out DIR
         [--from DATE --to DATE]
        Write an employee&apos;s responsibility dossier (dossier.pdf) with its
        evidence bundle.
  verify bundle DIR
        Check an evidence bundle offline; print a verdict per item.
  import mail|chat|docs PATH... --employee NUMBER --database FILE
        Add emails (.eml, mbox), chat exports (CSV, JSON) or documents to
        an employee&apos;s work trail; print what was imported, skipped and why.

Run baton-cli COMMAND --help for the options of a command.</source>
        <translation>用法：baton-cli COMMAND [选项]

命令：
  init --database FILE --admin NAME (--password-file F | --password P)
        创建数据库及其第一个系统管理员。
  demo --employees N --seed S (--database FILE | --server URL)
        在新数据库中创建演示公司（或将其载入空的 baton-server），
        并列出其登录名。
  sync --database FILE --server URL --user NAME --password-file F
        将数据库与服务器同步一次；与服务器一致时退出码为 0。
  audit verify --database FILE
        校验审计日志的哈希链，并指出第一条损坏的记录。
  verify request ID --database FILE
        校验申请的签名、证书、时间戳和审计记录。
  export request ID --out DIR --database FILE
        写出申请的签名内容、签名（CMS，DER 格式）、时间戳令牌
        和 CA 证书，供标准 openssl 核验。
  export dossier --employee NUMBER --database FILE --out DIR
         [--from DATE --to DATE]
        写出员工的责任档案（dossier.pdf）及其证据包。
  verify bundle DIR
        离线校验证据包，并逐项输出校验结果。
  import mail|chat|docs PATH... --employee NUMBER --database FILE
        将邮件（.eml、mbox）、聊天记录导出文件（CSV、JSON）或文档添加到
        员工的工作轨迹，并列出已导入和已跳过的内容及原因。

运行 baton-cli COMMAND --help 可查看某个命令的选项。</translation>
    </message>
</context>
<context>
    <name>BatonServer</name>
    <message>
        <source>Usage: baton-server COMMAND [options]

Commands:
  init --database URL [--tls-dir DIR] [--host NAME ...]
        Create (or upgrade) the server&apos;s database, its log key and a TLS
        certificate for HTTPS.
  run --database URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]
        Serve sync. Plain HTTP only on a loopback address; anywhere else
        give the TLS certificate and key (init prints their paths).

URL is a SQLite file path or postgresql://user:password@host:port/dbname.</source>
        <translation>用法：baton-server COMMAND [选项]

命令：
  init --database URL [--tls-dir DIR] [--host NAME ...]
        创建（或升级）服务器的数据库、日志密钥以及用于 HTTPS 的
        TLS 证书。
  run --database URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]
        提供同步服务。仅在回环地址上允许明文 HTTP；其他地址须提供
        TLS 证书和私钥（init 会打印其路径）。

URL 为 SQLite 文件路径或 postgresql://user:password@host:port/dbname。</translation>
    </message>
    <message>
        <source>The server&apos;s database: a file path or a postgresql:// URL.</source>
        <translation>服务器的数据库：文件路径或 postgresql:// URL。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Give the database with --database URL.</source>
        <translation>请用 --database URL 指定数据库。</translation>
    </message>
    <message>
        <source>Where to write the TLS certificate and key (default: beside the database file).</source>
        <translation>TLS 证书和私钥的写入位置（默认：数据库文件旁边）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>A name or address clients use to reach the server (repeatable).</source>
        <translation>客户端访问服务器所用的名称或地址（可重复）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Cannot write the TLS files in %1.</source>
        <translation>无法在 %1 中写入 TLS 文件。</translation>
    </message>
    <message>
        <source>Database: %1 (schema ready)</source>
        <translation>数据库：%1（结构已就绪）</translation>
    </message>
    <message>
        <source>Log key: %1</source>
        <translation>日志密钥：%1</translation>
    </message>
    <message>
        <source>TLS certificate: %1</source>
        <translation>TLS 证书：%1</translation>
    </message>
    <message>
        <source>TLS key: %1</source>
        <translation>TLS 私钥：%1</translation>
    </message>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation>证书 SHA-256：%1</translation>
    </message>
    <message>
        <source>Next: baton-server run --database %1 --listen 0.0.0.0:8443 --tls-cert %2 --tls-key %3</source>
        <translation>下一步：baton-server run --database %1 --listen 0.0.0.0:8443 --tls-cert %2 --tls-key %3</translation>
    </message>
    <message>
        <source>Address and port to listen on, e.g. 127.0.0.1:8080 or 0.0.0.0:8443 (port 0: any free port).</source>
        <translation>监听的地址和端口，例如 127.0.0.1:8080 或 0.0.0.0:8443（端口 0：任一空闲端口）。</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>TLS certificate (PEM).</source>
        <translation>TLS 证书（PEM）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>TLS private key (PEM).</source>
        <translation>TLS 私钥（PEM）。</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT with an IP address, e.g. 127.0.0.1:8080.</source>
        <translation>--listen 需要带 IP 地址的 HOST:PORT，例如 127.0.0.1:8080。</translation>
    </message>
    <message>
        <source>Give both --tls-cert and --tls-key.</source>
        <translation>请同时提供 --tls-cert 和 --tls-key。</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate or key.</source>
        <translation>无法读取 TLS 证书或私钥。</translation>
    </message>
    <message>
        <source>The TLS certificate or key is not valid PEM.</source>
        <translation>TLS 证书或私钥不是有效的 PEM。</translation>
    </message>
    <message>
        <source>Plain HTTP is served only on a loopback address. Give --tls-cert and --tls-key (see baton-server init) to listen on %1.</source>
        <translation>明文 HTTP 仅在回环地址上提供。要在 %1 上监听，请提供 --tls-cert 和 --tls-key（参见 baton-server init）。</translation>
    </message>
    <message>
        <source>baton-server listening on %1://%2:%3</source>
        <translation>baton-server 正在监听 %1://%2:%3</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
</context>
<context>
    <name>CanonicalJson</name>
    <message>
        <source>A field name contains an invalid character.</source>
        <translation>字段名包含无效字符。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; appears twice.</source>
        <translation>字段“%1”出现了两次。</translation>
    </message>
    <message>
        <source>The data is nested too deeply.</source>
        <translation>数据嵌套层级过深。</translation>
    </message>
    <message>
        <source>Only whole numbers up to 2^53 are allowed (money in minor units, times in milliseconds).</source>
        <translation>只允许不超过 2^53 的整数（金额以最小货币单位计，时间以毫秒计）。</translation>
    </message>
    <message>
        <source>A text value contains an invalid character.</source>
        <translation>文本值包含无效字符。</translation>
    </message>
    <message>
        <source>A value is missing.</source>
        <translation>缺少一个值。</translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>(someone not on this computer)</source>
        <translation>（不在本机上的人员）</translation>
    </message>
    <message>
        <source>Enter the date the problem concerns.</source>
        <translation>请输入问题所涉及的日期。</translation>
    </message>
    <message>
        <source>reading responsibilities</source>
        <translation>读取岗位职责</translation>
    </message>
    <message>
        <source>owner of the task &quot;%1&quot;</source>
        <translation>任务“%1”的负责人</translation>
    </message>
    <message>
        <source>owner of the customer &quot;%1&quot;</source>
        <translation>客户“%1”的负责人</translation>
    </message>
</context>
<context>
    <name>CertificateAuthority</name>
    <message>
        <source>The organisation&apos;s certificate authority could not be made.</source>
        <translation>无法创建本组织的证书颁发机构。</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s certificate and key do not belong together, or one of them is damaged.</source>
        <translation>证书颁发机构的证书与密钥不匹配，或其中之一已损坏。</translation>
    </message>
    <message>
        <source>The certificate could not be issued.</source>
        <translation>无法签发证书。</translation>
    </message>
    <message>
        <source>A certificate is only issued for an ECDSA P-256 public key.</source>
        <translation>只为 ECDSA P-256 公钥签发证书。</translation>
    </message>
    <message>
        <source>A certificate names the account and the device it is for.</source>
        <translation>证书必须写明所属的账号和设备。</translation>
    </message>
    <message>
        <source>A time-stamping certificate names its authority.</source>
        <translation>时间戳证书必须写明其颁发单位名称。</translation>
    </message>
</context>
<context>
    <name>ChatParser</name>
    <message>
        <source>Skipped: not text (a message of type “%1”).</source>
        <translation>已跳过：非文本消息（消息类型为“%1”）。</translation>
    </message>
    <message>
        <source>The message has no time.</source>
        <translation>该消息没有时间。</translation>
    </message>
    <message>
        <source>The time “%1” could not be read. Use a form such as 2024-03-01 14:05:00, an ISO 8601 time or Unix seconds.</source>
        <translation>无法识别时间“%1”。请使用 2024-03-01 14:05:00 这样的格式、ISO 8601 时间或 Unix 秒数。</translation>
    </message>
    <message>
        <source>The message has no sender.</source>
        <translation>该消息没有发送人。</translation>
    </message>
    <message>
        <source>The message has no text.</source>
        <translation>该消息没有文本内容。</translation>
    </message>
    <message>
        <source>time (时间, 发送时间, date, timestamp)</source>
        <translation>时间（时间、发送时间、date、timestamp）</translation>
    </message>
    <message>
        <source>sender (发送人, 发送者, 姓名, from, name)</source>
        <translation>发送人（发送人、发送者、姓名、from、name）</translation>
    </message>
    <message>
        <source>content (内容, 消息内容, message, text)</source>
        <translation>内容（内容、消息内容、message、text）</translation>
    </message>
    <message>
        <source>The file has no column for %1. Its header row has: %2.</source>
        <translation>文件中缺少%1列。其标题行包含：%2。</translation>
    </message>
    <message>
        <source>The file could not be read as text: it is neither UTF-8, UTF-16 nor GB18030 (GBK).</source>
        <translation>无法将该文件作为文本读取：其编码既不是 UTF-8、UTF-16，也不是 GB18030（GBK）。</translation>
    </message>
    <message>
        <source>The file is empty: a chat export needs a header row naming its columns.</source>
        <translation>文件为空：聊天记录导出文件需要一个标明各列名称的标题行。</translation>
    </message>
    <message>
        <source>A quoted field opened on this line is never closed; the rest of the file was not read.</source>
        <translation>从此行开始的带引号字段没有闭合；文件的其余部分未被读取。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at character %2.</source>
        <translation>该文件不是有效的 JSON：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The JSON holds no list of messages: expected an array, or an object with an array under “messages”, “msgs”, “data” or “records”.</source>
        <translation>JSON 中没有消息列表：应为一个数组，或一个在“messages”、“msgs”、“data”或“records”下包含数组的对象。</translation>
    </message>
    <message>
        <source>The entry is not a message object.</source>
        <translation>该条目不是消息对象。</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>The Baton database file.</source>
        <translation>Baton 数据库文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Give the database file with --database FILE.</source>
        <translation>请用 --database FILE 指定数据库文件。</translation>
    </message>
    <message>
        <source>Cannot read the password file %1.</source>
        <translation>无法读取密码文件 %1。</translation>
    </message>
</context>
<context>
    <name>CmsSignature</name>
    <message>
        <source>The signing key does not belong to the certificate given with it.</source>
        <translation>签名密钥与随附的证书不匹配。</translation>
    </message>
    <message>
        <source>The content could not be signed (%1).</source>
        <translation>无法对内容签名（%1）。</translation>
    </message>
    <message>
        <source>The signature does not hold: %1.</source>
        <translation>签名无效：%1。</translation>
    </message>
    <message>
        <source>it is not a CMS signature</source>
        <translation>它不是 CMS 签名</translation>
    </message>
    <message>
        <source>it carries content of its own</source>
        <translation>它自带了被签名的内容</translation>
    </message>
    <message>
        <source>it has %1 signers rather than one</source>
        <translation>它有 %1 个签名人，而不是一个</translation>
    </message>
    <message>
        <source>the authority&apos;s certificate is damaged</source>
        <translation>颁发机构的证书已损坏</translation>
    </message>
</context>
<context>
    <name>ConfirmationContent</name>
    <message>
        <source>The signed confirmation is not in Baton&apos;s form.</source>
        <translation>已签名的确认内容不符合 Baton 的格式。</translation>
    </message>
</context>
<context>
    <name>Consequences</name>
    <message>
        <source>Name every consequence rule.</source>
        <translation>请为每条奖惩规则填写名称。</translation>
    </message>
    <message>
        <source>The rule “%1” does not say which indicator it watches.</source>
        <translation>规则“%1”未指定要监控的指标。</translation>
    </message>
    <message>
        <source>The rule “%1” needs a score above 0% below which the indicator counts as missed.</source>
        <translation>规则“%1”需要设置一个高于 0% 的得分线，指标得分低于该值即视为未达标。</translation>
    </message>
    <message>
        <source>The rule “%1” does not say which kind of issue it counts.</source>
        <translation>规则“%1”未指定要统计的问题类型。</translation>
    </message>
    <message>
        <source>The rule “%1” must apply from at least one occurrence.</source>
        <translation>规则“%1”的触发次数不能少于 1 次。</translation>
    </message>
    <message>
        <source>Rule “%1”: %2</source>
        <translation>规则“%1”：%2</translation>
    </message>
    <message>
        <source>A bonus adjustment of 0% changes nothing.</source>
        <translation>奖金调整 0% 不会产生任何变化。</translation>
    </message>
    <message>
        <source>A bonus cannot be reduced by more than 100%; %1 is too much.</source>
        <translation>奖金扣减幅度不能超过 100%；%1 超出了此限度。</translation>
    </message>
    <message>
        <source>A bonus can be raised by at most %1; %2 is too much.</source>
        <translation>奖金上调幅度最多为 %1；%2 超出了此限度。</translation>
    </message>
    <message>
        <source>Name the training to assign.</source>
        <translation>请填写要安排的培训名称。</translation>
    </message>
    <message>
        <source>Name the title to award.</source>
        <translation>请填写要授予的称号名称。</translation>
    </message>
    <message>
        <source>bonus %1</source>
        <translation>奖金 %1</translation>
    </message>
    <message>
        <source>no promotion this cycle</source>
        <translation>本考核周期不予晋升</translation>
    </message>
    <message>
        <source>training “%1” assigned</source>
        <translation>安排培训“%1”</translation>
    </message>
    <message>
        <source>title “%1” awarded</source>
        <translation>授予称号“%1”</translation>
    </message>
    <message>
        <source>The most a bonus can be raised must be 0% or more.</source>
        <translation>奖金上调幅度的上限不能小于 0%。</translation>
    </message>
    <message>
        <source>The score of “%1” must be a number of 0% or more.</source>
        <translation>“%1”的得分必须是不小于 0% 的数值。</translation>
    </message>
    <message>
        <source>“%1” cannot have occurred %2 times.</source>
        <translation>“%1”的发生次数不可能为 %2 次。</translation>
    </message>
    <message>
        <source>“%1” scored %2, below %3</source>
        <translation>“%1”得分 %2，低于 %3</translation>
    </message>
    <message numerus="yes">
        <source>“%1” occurred %n time(s)</source>
        <translation>
            <numerusform>“%1”发生了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>The bonus adjustments add up to %1; a bonus cannot be reduced by more than 100%, so %2 applies.</source>
        <translation>各项奖金调整合计为 %1；奖金扣减幅度不能超过 100%，因此按 %2 执行。</translation>
    </message>
    <message>
        <source>The bonus adjustments add up to %1; a bonus can be raised by at most %2, so %2 applies.</source>
        <translation>各项奖金调整合计为 %1；奖金上调幅度最多为 %2，因此按 %2 执行。</translation>
    </message>
</context>
<context>
    <name>CustomerRules</name>
    <message>
        <source>The salesperson chosen does not exist.</source>
        <translation>所选销售人员不存在。</translation>
    </message>
    <message>
        <source>%1 %2 is not sales staff: only a salesperson keeps customers.</source>
        <translation>%1%2 不是销售人员：只有销售人员才能负责客户。</translation>
    </message>
    <message>
        <source>The salesperson chosen has left the company.</source>
        <translation>所选销售人员已离职。</translation>
    </message>
</context>
<context>
    <name>CycleClose</name>
    <message>
        <source>Only HR closes a review cycle, in their own name.</source>
        <translation>只有人事部门能以本人名义关闭考核周期。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed already.</source>
        <translation>考核周期“%1”已关闭。</translation>
    </message>
    <message>
        <source>reading reviews</source>
        <translation>读取考核</translation>
    </message>
    <message>
        <source>reading employees</source>
        <translation>读取员工</translation>
    </message>
    <message>
        <source>reading issues</source>
        <translation>读取问题</translation>
    </message>
    <message>
        <source>The adjustments add up to %1; a cycle&apos;s bonus moves by %2 at most, so %3 applies.</source>
        <translation>调整合计为 %1；每个周期的奖金最多变动 %2，因此按 %3 执行。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>reading the dashboard</source>
        <translation>读取看板</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>reading review cycles</source>
        <translation>读取考核周期</translation>
    </message>
    <message>
        <source>Score distribution</source>
        <translation>得分分布</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Issue categories</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message>
        <source>Indicator trends</source>
        <translation>指标趋势</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>度量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Mean score (%)</source>
        <translation>平均得分 (%)</translation>
    </message>
    <message>
        <source>Overdue rate</source>
        <translation>逾期率</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>到期任务</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Late (%)</source>
        <translation>逾期 (%)</translation>
    </message>
    <message>
        <source>Late tasks</source>
        <translation>逾期任务</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>未指定数据库文件。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>数据库 %1 不存在。</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <source>checking %1</source>
        <translation>检查 %1</translation>
    </message>
    <message>
        <source>%1 is in use by another program, so Baton could not switch it to shared mode. Close the other program and try again.</source>
        <translation>%1 正被其他程序使用，Baton 无法将其切换为共享模式。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>running a database command</source>
        <translation>执行数据库命令</translation>
    </message>
    <message>
        <source>Internal error: a transaction is already open.</source>
        <translation>内部错误：已有一个事务处于打开状态。</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program (another copy of Baton?). Close it and try again.</source>
        <translation>数据库 %1 已被其他程序锁定（是否另开了一个 Baton？）。请将其关闭后重试。</translation>
    </message>
    <message>
        <source>The database %1 is read-only; Baton cannot save changes to it.</source>
        <translation>数据库 %1 为只读，Baton 无法保存对它的修改。</translation>
    </message>
    <message>
        <source>%1 is not a Baton database or is damaged. Restore it from a backup, or choose another file.</source>
        <translation>%1 不是 Baton 数据库或已损坏。请从备份中恢复，或选择其他文件。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation>无法打开数据库 %1。</translation>
    </message>
    <message>
        <source>A database error occurred while %1: %2</source>
        <translation>数据库出错（%1）：%2</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>读取数据库结构版本</translation>
    </message>
    <message>
        <source>writing the schema version</source>
        <translation>写入数据库结构版本</translation>
    </message>
    <message>
        <source>Baton cannot write to %1: the file is read-only. Check its permissions, or copy it to a folder you can write to.</source>
        <translation>Baton 无法写入 %1：该文件为只读。请检查文件权限，或将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <source>Baton cannot write to %1: its folder is read-only. Copy the file to a folder you can write to.</source>
        <translation>Baton 无法写入 %1：其所在文件夹为只读。请将该文件复制到可写入的文件夹。</translation>
    </message>
    <message>
        <source>Baton cannot reach PostgreSQL at %1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed. On Debian or Ubuntu install libqt6sql6-psql.</source>
        <translation>Baton 无法连接 %1 上的 PostgreSQL：未安装 Qt 的 PostgreSQL 驱动（QPSQL）。在 Debian 或 Ubuntu 上请安装 libqt6sql6-psql。</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>reading the settings of %1</source>
        <translation>读取 %1 的设置</translation>
    </message>
    <message>
        <source>The database %1 sorts text by the %2 locale; Baton needs bytewise order. Create it with: CREATE DATABASE name TEMPLATE template0 ENCODING &apos;UTF8&apos; LC_COLLATE &apos;C&apos; LC_CTYPE &apos;C&apos;.</source>
        <translation>数据库 %1 按 %2 区域设置对文本排序，而 Baton 需要按字节排序。请这样创建数据库：CREATE DATABASE name TEMPLATE template0 ENCODING &apos;UTF8&apos; LC_COLLATE &apos;C&apos; LC_CTYPE &apos;C&apos;.</translation>
    </message>
    <message>
        <source>The database server for %1 is unavailable: %2</source>
        <translation>%1 的数据库服务器不可用：%2</translation>
    </message>
    <message>
        <source>PostgreSQL refused the user or password for %1.</source>
        <translation>PostgreSQL 拒绝了 %1 的用户名或密码。</translation>
    </message>
    <message>
        <source>The database %1 does not exist. Create it first (see README).</source>
        <translation>数据库 %1 不存在。请先创建（见 README）。</translation>
    </message>
    <message>
        <source>The database %1 is busy with another writer; try again.</source>
        <translation>数据库 %1 正被另一个写入者占用，请重试。</translation>
    </message>
    <message>
        <source>The database %1 is open read-only; Baton cannot save changes to it.</source>
        <translation>数据库 %1 以只读方式打开，Baton 无法保存更改。</translation>
    </message>
    <message>
        <source>Baton could not connect to %1: %2</source>
        <translation>Baton 无法连接 %1：%2</translation>
    </message>
    <message>
        <source>Internal error: a grouped write is still open.</source>
        <translation>内部错误：一组合并写入尚未结束。</translation>
    </message>
</context>
<context>
    <name>DecisionContent</name>
    <message>
        <source>The signed content of the decision is damaged or of an unknown kind.</source>
        <translation>审批决定的签名内容已损坏或类型未知。</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Number of employees (20 to 200000).</source>
        <translation>员工人数（20 至 200000）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seed: the same seed gives the same company.</source>
        <translation>随机种子：相同的种子生成相同的公司。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Names and texts: zh_CN or en.</source>
        <translation>姓名与文本所用语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>LOCALE</source>
        <translation>LOCALE</translation>
    </message>
    <message>
        <source>Build the company as of this date (YYYY-MM-DD) instead of today.</source>
        <translation>按此日期（YYYY-MM-DD）而非今天生成公司数据。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Add routine history until the audit trail holds N entries (benchmark data).</source>
        <translation>追加日常变更历史，直至审计日志达到 N 条记录（基准测试数据）。</translation>
    </message>
    <message>
        <source>--employees needs a whole number.</source>
        <translation>--employees 需要一个整数。</translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation>--seed 需要一个整数。</translation>
    </message>
    <message>
        <source>--locale is zh_CN or en.</source>
        <translation>--locale 只能是 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD.</source>
        <translation>--today 需要 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>--audit-entries needs a whole number.</source>
        <translation>--audit-entries 需要一个整数。</translation>
    </message>
    <message>
        <source>Demo company written to %1 in %2 s.</source>
        <translation>演示公司已写入 %1，用时 %2 秒。</translation>
    </message>
    <message>
        <source>The server %1 could not be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>The server refused part of the demo company: %1</source>
        <translation>服务器拒绝了演示公司的部分数据：%1</translation>
    </message>
    <message>
        <source>%1 of %2 changes loaded into the server</source>
        <translation>已将 %1 / %2 条更改载入服务器</translation>
    </message>
    <message>
        <source>Load the company into this running, empty baton-server instead (from the server&apos;s own machine).</source>
        <translation>改为将公司载入这台正在运行的空 baton-server（须在服务器本机上运行）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Usage: baton-cli demo --employees N --seed S (--database FILE | --server URL) [--locale zh_CN|en]</source>
        <translation>用法：baton-cli demo --employees N --seed S (--database FILE | --server URL) [--locale zh_CN|en]</translation>
    </message>
</context>
<context>
    <name>DemoCompany</name>
    <message>
        <source>The demo vocabulary for %1 is missing.</source>
        <translation>缺少 %1 的演示词库。</translation>
    </message>
    <message>
        <source>%1 of %2 records written</source>
        <translation>已写入 %1 / %2 条记录</translation>
    </message>
    <message>
        <source>%1 of %2 audit entries</source>
        <translation>审计记录 %1 / %2</translation>
    </message>
    <message>
        <source>This database already holds a company; the demo company needs a new, empty database file.</source>
        <translation>此数据库中已有公司数据；演示公司需要一个新的空数据库文件。</translation>
    </message>
    <message>
        <source>Choose between 20 and 200,000 employees.</source>
        <translation>员工人数请选择 20 至 200,000 之间。</translation>
    </message>
    <message>
        <source>Planning %1 (%2 employees)</source>
        <translation>正在规划 %1（%2 名员工）</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Approvals and their signatures</source>
        <translation>审批及其签名</translation>
    </message>
    <message>
        <source>A departure handed over</source>
        <translation>一名员工的离职交接</translation>
    </message>
    <message>
        <source>Duties, tasks, work trails and handovers</source>
        <translation>职责、任务、工作轨迹和工作交接</translation>
    </message>
    <message>
        <source>Projects and their plans</source>
        <translation>项目及其计划</translation>
    </message>
    <message>
        <source>Daily and weekly reports, comments</source>
        <translation>日报、周报和评论</translation>
    </message>
    <message>
        <source>Goals, indicators and review cycles</source>
        <translation>目标、指标和考核周期</translation>
    </message>
    <message>
        <source>Feedback, reviews, issues and awards</source>
        <translation>360 度反馈、考核、问题和奖惩</translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>counting employees</source>
        <translation>统计员工人数</translation>
    </message>
    <message>
        <source>reading employees</source>
        <translation>读取员工</translation>
    </message>
    <message>
        <source>reading an employee</source>
        <translation>读取员工信息</translation>
    </message>
    <message>
        <source>This employee does not exist.</source>
        <translation>该员工不存在。</translation>
    </message>
    <message>
        <source>reading responsibilities</source>
        <translation>读取岗位职责</translation>
    </message>
    <message>
        <source>reading departments</source>
        <translation>读取部门</translation>
    </message>
    <message>
        <source>reading positions</source>
        <translation>读取岗位</translation>
    </message>
    <message>
        <source>reading possible managers</source>
        <translation>读取可选的直属上级</translation>
    </message>
    <message>
        <source>finding an employee</source>
        <translation>查找员工</translation>
    </message>
    <message>
        <source>No employee has the number %1.</source>
        <translation>没有工号为 %1 的员工。</translation>
    </message>
</context>
<context>
    <name>DocumentBlobs</name>
    <message>
        <source>keeping a document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>reading a document</source>
        <translation>读取文档</translation>
    </message>
    <message>
        <source>The document %1 is not kept on this computer.</source>
        <translation>本机上没有保存文档 %1。</translation>
    </message>
    <message>
        <source>The document %1 kept on this computer has been changed.</source>
        <translation>本机上保存的文档 %1 已被更改。</translation>
    </message>
</context>
<context>
    <name>DossierCollector</name>
    <message>
        <source>The employee does not exist.</source>
        <translation>该员工不存在。</translation>
    </message>
</context>
<context>
    <name>DossierCommand</name>
    <message>
        <source>&quot;%1&quot; is not a date: write it as YYYY-MM-DD.</source>
        <translation>“%1”不是有效日期：请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>Number of the employee.</source>
        <translation>员工工号。</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>New or empty folder for the dossier and its evidence.</source>
        <translation>用于存放责任档案及其证据材料的新文件夹或空文件夹。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>First day of the period (YYYY-MM-DD).</source>
        <translation>期间的第一天（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Last day of the period (YYYY-MM-DD).</source>
        <translation>期间的最后一天（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The period ends (%1) before it begins (%2).</source>
        <translation>期间的结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>Give an existing database file with --database FILE.</source>
        <translation>请用 --database FILE 指定一个已存在的数据库文件。</translation>
    </message>
    <message>
        <source>finding the employee</source>
        <translation>查找员工</translation>
    </message>
    <message>
        <source>There is no employee with the number %1.</source>
        <translation>没有工号为 %1 的员工。</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Wrote the dossier of %1 (%2 items) to %3: dossier.pdf and its evidence.</source>
        <translation>已将 %1 的责任档案（%2 项）写入 %3：dossier.pdf 及其证据材料。</translation>
    </message>
    <message>
        <source>Usage: baton-cli verify bundle DIR</source>
        <translation>用法：baton-cli verify bundle DIR</translation>
    </message>
    <message>
        <source>OK      </source>
        <translation>通过    </translation>
    </message>
    <message>
        <source>FAILED  </source>
        <translation>失败    </translation>
    </message>
    <message numerus="yes">
        <source>VERIFIED: %n item(s) check out. CA fingerprint (SHA-256): %1</source>
        <translation>
            <numerusform>校验通过：全部 %n 项均已通过校验。CA 指纹（SHA-256）：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>FAILED: %n item(s) do not check out.</source>
        <translation>
            <numerusform>校验失败：%n 项未通过校验。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: baton-cli export dossier --employee NUMBER --database FILE --out DIR [--from DATE --to DATE] [--user NAME --password-file F]</source>
        <translation>用法：baton-cli export dossier --employee NUMBER --database FILE --out DIR [--from DATE --to DATE] [--user NAME --password-file F]</translation>
    </message>
    <message>
        <source>On a database that syncs with a server: the account to sign in as, so that the server seals the bundle.</source>
        <translation>数据库与服务器同步时：用于登录服务器的账号，以便由服务器封存证据包。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A file whose first line is that account&apos;s password.</source>
        <translation>第一行为该账号密码的文件。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>This database syncs with a server, which seals the bundle and proves its records: give --user NAME --password-file F to sign in to it.</source>
        <translation>此数据库与服务器同步，证据包由服务器封存，其中的记录也由服务器证明：请提供 --user NAME --password-file F 以登录服务器。</translation>
    </message>
    <message>
        <source>This database has no server address: run baton-cli sync --server URL first.</source>
        <translation>此数据库没有服务器地址：请先运行 baton-cli sync --server URL。</translation>
    </message>
    <message>
        <source>WARNING: the server&apos;s certificate changed (SHA-256 was %1, now %2).</source>
        <translation>警告：服务器证书已更改（原 SHA-256 为 %1，现为 %2）。</translation>
    </message>
    <message>
        <source>Its records are proved by the server&apos;s log (checkpoint of %1 entries, log key %2).</source>
        <translation>其中的记录由服务器日志证明（检查点包含 %1 条记录，日志密钥 %2）。</translation>
    </message>
    <message>
        <source>There is no server log here: the records are sealed by the time stamp only.</source>
        <translation>此处没有服务器日志：记录仅由时间戳封存。</translation>
    </message>
    <message>
        <source>INFO    </source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Log key: %1 (compare it with the organisation&apos;s, as for the CA)</source>
        <translation>日志密钥：%1（请与本组织公布的密钥核对，与核对 CA 指纹的方式相同）</translation>
    </message>
</context>
<context>
    <name>DossierExport</name>
    <message>
        <source>Export dossier into a new folder</source>
        <translation>将责任档案导出到新文件夹</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>导出责任档案</translation>
    </message>
    <message>
        <source>The dossier and its evidence are in %1. Send the whole folder; HOW-TO-VERIFY.txt in it says how anyone can check it.</source>
        <translation>责任档案及其证据已保存在 %1。请发送整个文件夹；其中的 HOW-TO-VERIFY.txt 说明了任何人如何核验。</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message numerus="yes">
        <source>Printing the dossier (%n item(s))…</source>
        <translation>
            <numerusform>正在生成责任档案（%n 项）…</numerusform>
        </translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Writing the evidence…</source>
        <translation>正在写入证据…</translation>
    </message>
    <message>
        <source>Writing the evidence: %1 of %2 files…</source>
        <translation>正在写入证据：第 %1 个，共 %2 个文件…</translation>
    </message>
    <message>
        <source>This database syncs with a server, which seals its evidence: connect to the server to seal the bundle (sign in to it under Settings), then export again.</source>
        <translation>此数据库与服务器同步，其证据由服务器封存：请连接服务器以封存证据包（在“设置”中登录服务器），然后重新导出。</translation>
    </message>
    <message>
        <source>The session with the server has ended: sign in to the server again, then export.</source>
        <translation>与服务器的会话已结束：请重新登录服务器，然后再导出。</translation>
    </message>
    <message>
        <source>Asking the server for its proofs…</source>
        <translation>正在向服务器请求证明…</translation>
    </message>
</context>
<context>
    <name>DossierPdf</name>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Responsibilities over time</source>
        <translation>各时期职责</translation>
    </message>
    <message>
        <source>Tasks and progress</source>
        <translation>任务与进度</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>Approvals and signatures</source>
        <translation>审批与签名</translation>
    </message>
    <message>
        <source>Work trail</source>
        <translation>工作轨迹</translation>
    </message>
    <message>
        <source>How to verify this dossier</source>
        <translation>如何核验本档案</translation>
    </message>
    <message>
        <source>Responsibility dossier: %1</source>
        <translation>责任档案：%1</translation>
    </message>
    <message>
        <source>Period: %1 to %2. Made on %3.</source>
        <translation>期间：%1 至 %2。生成于 %3。</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>最早记录</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Owner now</source>
        <translation>现负责人</translation>
    </message>
    <message>
        <source>Progress reports</source>
        <translation>进度汇报</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>汇报人</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No handover case.</source>
        <translation>无工作交接记录。</translation>
    </message>
    <message>
        <source>Departure %1; successors %2; supervisor %3; status: %4.</source>
        <translation>离职日期 %1；接任人 %2；主管 %3；状态：%4。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No signed decisions.</source>
        <translation>无已签名的审批决定。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Signer&apos;s time</source>
        <translation>签名人本地时间</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>可信时间</translation>
    </message>
    <message>
        <source>Step id</source>
        <translation>环节 ID</translation>
    </message>
    <message>
        <source>No trail items in the period.</source>
        <translation>该期间内没有工作轨迹记录。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>From</source>
        <comment>the sender of a message</comment>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Confirmed by the supervisor (signed)</source>
        <translation>主管已确认（已签名）</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>确认说明</translation>
    </message>
    <message>
        <source>Reports and comments</source>
        <translation>汇报与评论</translation>
    </message>
    <message>
        <source>Issues and their causes</source>
        <translation>问题及其原因</translation>
    </message>
    <message>
        <source>Reviews and awards</source>
        <translation>考核与奖励</translation>
    </message>
    <message>
        <source>This report comes with an evidence bundle: the records above as canonical JSON, each signed decision with its CMS signature and RFC 3161 time stamp, each supervisor&apos;s confirmation of progress or of the cause of an issue with its signature, the trail&apos;s files, and a manifest sealed by the organisation&apos;s time-stamping authority. Where the organisation runs a Baton server, each record also comes with Merkle proofs that the server&apos;s append-only log holds the changes that made it. Run &quot;baton-cli verify bundle DIR&quot;, or follow HOW-TO-VERIFY.txt.</source>
        <translation>本报告附有证据包：以上记录的规范 JSON 格式、每项已签名决定及其 CMS 签名和 RFC 3161 时间戳、每位主管对进展或问题原因的确认及其签名、工作轨迹的文件，以及一份由组织的时间戳机构封存的清单。如果组织运行 Baton 服务器，每条记录还附有 Merkle 证明，证明服务器的仅追加日志中包含生成该记录的各项变更。请运行“baton-cli verify bundle DIR”，或按照 HOW-TO-VERIFY.txt 中的说明进行验证。</translation>
    </message>
    <message>
        <source>No reports in the period.</source>
        <translation>该期间内没有汇报。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>汇报</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Blockers</source>
        <translation>阻碍</translation>
    </message>
    <message>
        <source>a task not in this dossier</source>
        <translation>不在本档案中的任务</translation>
    </message>
    <message>
        <source>a report</source>
        <translation>一份汇报</translation>
    </message>
    <message>
        <source>Supervisors&apos; comments</source>
        <translation>主管评论</translation>
    </message>
    <message>
        <source>On</source>
        <translation>评论对象</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>No issues in the period.</source>
        <translation>该期间内没有问题。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not stated yet</source>
        <translation>尚未说明</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>yes: attributions/%1</source>
        <translation>是：attributions/%1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Causes stated, confirmed and corrected</source>
        <translation>原因的说明、确认与更正</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>No review results or awards in the period.</source>
        <translation>该期间内没有考核结果或奖励。</translation>
    </message>
    <message>
        <source>No review results in the period.</source>
        <translation>该期间内没有考核结果。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Manager&apos;s rating</source>
        <translation>经理评分</translation>
    </message>
    <message>
        <source>Rated by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Rewards and penalties</source>
        <translation>奖惩</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>授予时间</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予人</translation>
    </message>
</context>
<context>
    <name>Duties</name>
    <message>
        <source>Choose whose responsibility it is.</source>
        <translation>请选择该职责的承担人。</translation>
    </message>
    <message>
        <source>Name the responsibility.</source>
        <translation>请填写职责名称。</translation>
    </message>
    <message>
        <source>Say from when it applies.</source>
        <translation>请填写职责的生效日期。</translation>
    </message>
    <message>
        <source>A responsibility cannot end before it begins.</source>
        <translation>职责的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The person already holds “%1” from %2: end that first, or choose other dates.</source>
        <translation>此人自 %2 起已承担“%1”：请先结束该职责，或选择其他日期。</translation>
    </message>
    <message>
        <source>The responsibility does not exist.</source>
        <translation>该职责不存在。</translation>
    </message>
    <message>
        <source>Choose its last day.</source>
        <translation>请选择职责的最后一天。</translation>
    </message>
    <message>
        <source>A responsibility cannot end before it begins (%1).</source>
        <translation>职责的结束日期不能早于开始日期（%1）。</translation>
    </message>
    <message>
        <source>It ended on %1 already.</source>
        <translation>该职责已于 %1 结束。</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>The person has no position, so no position description to take the responsibilities from.</source>
        <translation>此人没有岗位，因此没有可从中获取职责的岗位说明书。</translation>
    </message>
</context>
<context>
    <name>EmployeeChanges</name>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Sales staff</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>EmployeeCsvExporter</name>
    <message>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1 could not be opened for writing: %2</source>
        <translation>无法打开 %1 进行写入：%2</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation>关键字“%1”</translation>
    </message>
    <message>
        <source>department %1 and below</source>
        <translation>部门 %1 及下级部门</translation>
    </message>
    <message>
        <source>department %1 only</source>
        <translation>仅部门 %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>Exported the employee list to %1; people listed: %2</source>
        <translation>已将员工名单导出到 %1；导出人数：%2</translation>
    </message>
    <message>
        <source>Exported the employee list to %1; people listed: %2; filtered by %3</source>
        <extracomment>%3 lists the filters, e.g. text &quot;zhang&quot;; status active</extracomment>
        <translation>已将员工名单导出到 %1；导出人数：%2；筛选条件：%3</translation>
    </message>
</context>
<context>
    <name>EmployeeValidator</name>
    <message>
        <source>Remove the control characters (such as tabs) from this field.</source>
        <translation>请删除此字段中的控制字符（如制表符）。</translation>
    </message>
    <message>
        <source>At most %1 characters are allowed; this has %2.</source>
        <translation>最多允许 %1 个字符，当前为 %2 个。</translation>
    </message>
    <message>
        <source>Enter the employee number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only, starting with a letter or digit (at most 32).</source>
        <translation>只能使用字母、数字、“.”、“_”和“-”，且须以字母或数字开头（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Enter the family name.</source>
        <translation>请输入姓。</translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation>请输入名。</translation>
    </message>
    <message>
        <source>This is not an e-mail address (for example name@example.com).</source>
        <translation>这不是有效的电子邮箱地址（例如 name@example.com）。</translation>
    </message>
    <message>
        <source>Use digits, spaces, +, - and brackets only, 5 to 26 characters, starting with + or a digit.</source>
        <translation>只能使用数字、空格、+、- 和括号，长度为 5 至 26 个字符，且须以 + 或数字开头。</translation>
    </message>
    <message>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <source>Enter the hire date.</source>
        <translation>请输入入职日期。</translation>
    </message>
    <message>
        <source>The departure date is before the hire date (%1).</source>
        <translation>离职日期早于入职日期（%1）。</translation>
    </message>
    <message>
        <source>A departing or departed employee needs a departure date.</source>
        <translation>离职中或已离职的员工必须填写离职日期。</translation>
    </message>
</context>
<context>
    <name>EvidenceBundle</name>
    <message>
        <source>The folder %1 is not empty: choose an empty or new folder.</source>
        <translation>文件夹 %1 不是空的：请选择一个空文件夹或新文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>This installation has no certificate authority yet.</source>
        <translation>本机尚未设置证书颁发机构。</translation>
    </message>
    <message>
        <source>reading a document</source>
        <translation>读取文档</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 is not an evidence bundle: it has no manifest.json.</source>
        <translation>%1 不是证据包：其中没有 manifest.json。</translation>
    </message>
    <message>
        <source>not a Baton evidence manifest</source>
        <translation>不是 Baton 证据清单文件</translation>
    </message>
    <message>
        <source>missing or unreadable</source>
        <translation>缺失或无法读取</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint %1: compare it with the organisation&apos;s</source>
        <translation>SHA-256 指纹 %1：请与本组织公布的指纹核对</translation>
    </message>
    <message>
        <source>missing: the manifest is not sealed</source>
        <translation>缺失：清单文件未封存</translation>
    </message>
    <message>
        <source>manifest sealed at %1 by %2</source>
        <translation>清单文件已于 %1 由 %2 封存</translation>
    </message>
    <message>
        <source>not a path inside the bundle</source>
        <translation>不是证据包内的路径</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>changed: its SHA-256 is not the one in the manifest</source>
        <translation>已被更改：其 SHA-256 与清单文件中记录的不符</translation>
    </message>
    <message>
        <source>SHA-256 matches</source>
        <translation>SHA-256 一致</translation>
    </message>
    <message>
        <source>not in the manifest</source>
        <translation>未列入清单文件</translation>
    </message>
    <message>
        <source>decision %1</source>
        <translation>审批决定 %1</translation>
    </message>
    <message>
        <source>content.json or signature.p7s is missing</source>
        <translation>缺少 content.json 或 signature.p7s</translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>签名人 %1</translation>
    </message>
    <message>
        <source>%1 at %2 (signer&apos;s clock)</source>
        <translation>%1，时间 %2（签名人本机时钟）</translation>
    </message>
    <message>
        <source>trusted time %1</source>
        <translation>可信时间 %1</translation>
    </message>
    <message>
        <source>no trusted time yet</source>
        <translation>尚无可信时间</translation>
    </message>
    <message>
        <source>the step&apos;s record does not hold this signed content</source>
        <translation>审批环节记录中没有此签名内容</translation>
    </message>
    <message>
        <source>This database syncs with a server, whose authority seals evidence: export the dossier from Baton while signed in to the server, or with baton-cli export dossier --user NAME --password-file F.</source>
        <translation>此数据库与服务器同步，证据由服务器的证书颁发机构封存：请在登录服务器后从 Baton 导出责任档案，或使用 baton-cli export dossier --user NAME --password-file F 导出。</translation>
    </message>
    <message>
        <source>The %1 %2 cannot be proved by the server&apos;s log: %3. %4</source>
        <translation>服务器日志无法证明 %1 %2：%3。%4</translation>
    </message>
    <message>
        <source>confirmation %1</source>
        <translation>进度确认 %1</translation>
    </message>
    <message>
        <source>%1% confirmed at %2 (signer&apos;s clock)</source>
        <translation>已确认 %1%，时间 %2（签名人本机时钟）</translation>
    </message>
    <message>
        <source>the confirmation&apos;s record does not hold this signed content</source>
        <translation>进度确认记录中没有此签名内容</translation>
    </message>
    <message>
        <source>server log</source>
        <translation>服务器日志</translation>
    </message>
    <message>
        <source>no server log: the records are sealed by the manifest&apos;s time stamp only</source>
        <translation>无服务器日志：记录仅由清单文件的时间戳封存</translation>
    </message>
    <message>
        <source>no valid log key to check it against</source>
        <translation>没有可用于校验的有效日志密钥</translation>
    </message>
    <message>
        <source>signed by the log key %1 for %2 entries: compare the key with the organisation&apos;s</source>
        <translation>由日志密钥 %1 签署，共 %2 条记录：请将该密钥与本组织公布的密钥核对</translation>
    </message>
    <message>
        <source>the same key as log/verifier-key</source>
        <translation>与 log/verifier-key 中的密钥相同</translation>
    </message>
    <message>
        <source>not the key of log/verifier-key</source>
        <translation>不是 log/verifier-key 中的密钥</translation>
    </message>
    <message>
        <source>log proof %1</source>
        <translation>日志证明 %1</translation>
    </message>
    <message>
        <source>the record has no proof</source>
        <translation>该记录没有证明</translation>
    </message>
    <message>
        <source>a proof of a record the bundle does not hold</source>
        <translation>所证明的记录不在证据包中</translation>
    </message>
    <message>
        <source>no valid checkpoint to check it against</source>
        <translation>没有可用于校验的有效检查点</translation>
    </message>
    <message>
        <source>the record is not a record file</source>
        <translation>这不是有效的记录文件</translation>
    </message>
    <message>
        <source>attribution %1</source>
        <translation>归因 %1</translation>
    </message>
    <message>
        <source>signed with %1&apos;s certificate, not with %2&apos;s</source>
        <translation>使用的是 %1 的证书签名，而不是 %2 的证书</translation>
    </message>
    <message>
        <source>%1: %2, at %3 (signer&apos;s clock)</source>
        <translation>%1：%2，时间 %3（签名者设备时钟）</translation>
    </message>
    <message>
        <source>the attribution&apos;s record does not hold this signed content</source>
        <translation>该归因记录中不含此已签名内容</translation>
    </message>
    <message>
        <source>the attribution&apos;s record does not say what was signed</source>
        <translation>该归因记录未说明签名的内容</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Choose whose feedback it is.</source>
        <translation>请选择反馈对象。</translation>
    </message>
    <message>
        <source>Choose whom to ask.</source>
        <translation>请选择邀请谁提供反馈。</translation>
    </message>
    <message>
        <source>Choose the review cycle.</source>
        <translation>请选择考核周期。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: what was recorded in it is final.</source>
        <translation>考核周期“%1”已关闭：其中的记录已是最终结果。</translation>
    </message>
    <message>
        <source>Feedback is asked for in one&apos;s own name.</source>
        <translation>反馈须以本人名义邀请。</translation>
    </message>
    <message>
        <source>Say how each person asked relates to %1.</source>
        <translation>请说明每位受邀人与 %1 的关系。</translation>
    </message>
    <message>
        <source>Choose the customer to ask.</source>
        <translation>请选择要邀请的客户。</translation>
    </message>
    <message>
        <source>%1 has no account owner to enter their answer.</source>
        <translation>%1 没有客户负责人来录入其回答。</translation>
    </message>
    <message>
        <source>%1 cannot give 360 feedback on themselves.</source>
        <translation>%1 不能为自己提供 360 度反馈。</translation>
    </message>
    <message>
        <source>%1 is asked twice.</source>
        <translation>%1 被重复邀请。</translation>
    </message>
    <message>
        <source>A customer</source>
        <translation>一位客户</translation>
    </message>
    <message>
        <source>Only the person asked answers a feedback request, in their own name.</source>
        <translation>只有受邀人本人能以自己的名义回复反馈请求。</translation>
    </message>
    <message>
        <source>This request has been answered.</source>
        <translation>此请求已有回复。</translation>
    </message>
    <message>
        <source>Attach the customer&apos;s own message: their answer is entered on their behalf.</source>
        <translation>请附上客户本人的消息：其回答是代为录入的。</translation>
    </message>
    <message>
        <source>reading feedback</source>
        <translation>读取反馈</translation>
    </message>
    <message>
        <source>The feedback request does not exist.</source>
        <translation>该反馈请求不存在。</translation>
    </message>
    <message>
        <source>Who said what is for HR and %1&apos;s supervisors; %1 sees the answers without names.</source>
        <translation>谁说了什么仅供人事部门和 %1 的主管查看；%1 看到的回答不含姓名。</translation>
    </message>
    <message>
        <source>reading customers</source>
        <translation>读取客户</translation>
    </message>
</context>
<context>
    <name>FeedbackAnonymity</name>
    <message numerus="yes">
        <source>Only %n person(s) reporting to you answered; their answers are shown once at least %1 have, so that no one can be recognised.</source>
        <translation>
            <numerusform>您的下属中仅有 %n 人作答；为避免作答人被识别出来，须至少 %1 人作答后才会显示其答案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n peer(s) answered; peer answers are shown once at least %1 have, so that no one can be recognised.</source>
        <translation>
            <numerusform>仅有 %n 名同事作答；为避免作答人被识别出来，须至少 %1 名同事作答后才会显示同事的答案。</numerusform>
        </translation>
    </message>
    <message>
        <source>The feedback form has no dimensions to score.</source>
        <translation>反馈表中没有可评分的维度。</translation>
    </message>
    <message>
        <source>Name every dimension of the feedback form.</source>
        <translation>请为反馈表的每个维度填写名称。</translation>
    </message>
    <message>
        <source>“%1” appears twice in the feedback form.</source>
        <translation>反馈表中“%1”出现了两次。</translation>
    </message>
    <message>
        <source>“%1” needs a lowest score below its highest; %2 to %3 is no range.</source>
        <translation>“%1”的最低分必须低于最高分；%2 至 %3 不构成有效的分值范围。</translation>
    </message>
    <message>
        <source>Anonymous feedback needs at least 2 answers to hide among; a threshold of %1 hides no one.</source>
        <translation>匿名反馈至少需要 2 份回答，作答人才能隐匿其中；阈值为 %1 时无法隐藏任何人。</translation>
    </message>
    <message>
        <source>Every answer must record its author, even when the subject will not see it: otherwise no one can tell how many people answered.</source>
        <translation>每份回答都必须记录作答人，即使被评价人看不到：否则无从得知有多少人作答。</translation>
    </message>
    <message>
        <source>A person cannot give 360 feedback on themselves; self-assessment is recorded separately.</source>
        <translation>不能对自己进行 360 度反馈；自评另行记录。</translation>
    </message>
    <message>
        <source>One person answered twice; each counts once.</source>
        <translation>有人作答了两次；每人只计一次。</translation>
    </message>
    <message>
        <source>An answer scores “%1”, which is not on the feedback form.</source>
        <translation>有回答对“%1”进行了评分，但反馈表中没有该维度。</translation>
    </message>
    <message>
        <source>A score of %1 for “%2” is outside its range of %3 to %4.</source>
        <translation>“%2”的评分 %1 超出了其分值范围（%3 至 %4）。</translation>
    </message>
</context>
<context>
    <name>FeedbackHtml</name>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n 条回答</numerusform>
        </translation>
    </message>
    <message>
        <source>No one has been asked for feedback on this person in this cycle.</source>
        <translation>本周期尚未邀请任何人对此人提供反馈。</translation>
    </message>
    <message>
        <source>You see who answered what; the person sees the answers of peers and of those reporting to them only as averages of at least three, without names.</source>
        <translation>您可以看到谁回答了什么；本人看到的同事及下属的回答仅为至少三人的平均值，且不含姓名。</translation>
    </message>
    <message>
        <source>%1 (entered by %2)</source>
        <translation>%1（由 %2 录入）</translation>
    </message>
    <message>
        <source>Not answered yet (asked %1 by %2).</source>
        <translation>尚未回答（%2 于 %1 邀请）。</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>No feedback has reached you in this cycle yet. Answers show here as they are given; on a device that syncs with a server, once your supervisor has rated you or the cycle has closed.</source>
        <translation>本周期内尚未收到任何反馈。反馈提交后会显示在此处；如果设备与服务器同步，则在主管为您评分或本周期结束后显示。</translation>
    </message>
    <message>
        <source>As published with your review result.</source>
        <translation>与您的考核结果一同发布。</translation>
    </message>
</context>
<context>
    <name>FeedbackViewJson</name>
    <message>
        <source>The published feedback view is not valid: %1.</source>
        <translation>已发布的反馈视图无效：%1。</translation>
    </message>
    <message>
        <source>averages must be a list</source>
        <translation>averages 必须是列表</translation>
    </message>
    <message>
        <source>each average needs a dimension and a count of answers</source>
        <translation>每个平均值都需要包含维度和回答数</translation>
    </message>
    <message>
        <source>the average of “%1” has no answers behind it</source>
        <translation>“%1”的平均值没有任何回答作为依据</translation>
    </message>
    <message>
        <source>the average of “%1” is not a number of thousandths</source>
        <translation>“%1”的平均值不是以千分之一为单位的数值</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>它不是 JSON 对象</translation>
    </message>
    <message>
        <source>the anonymity threshold must be a whole number of 2 or more</source>
        <translation>匿名阈值必须是不小于 2 的整数</translation>
    </message>
    <message>
        <source>roles must be a list</source>
        <translation>roles 必须是列表</translation>
    </message>
    <message>
        <source>“%1” is not a feedback role</source>
        <translation>“%1”不是反馈角色</translation>
    </message>
    <message>
        <source>a role needs a count of answers</source>
        <translation>角色需要填写回答数量</translation>
    </message>
    <message>
        <source>a withheld role shows nothing but its count</source>
        <translation>被隐藏的角色只显示其数量</translation>
    </message>
    <message>
        <source>comments must be a list</source>
        <translation>评语必须是列表</translation>
    </message>
    <message>
        <source>each comment needs its text</source>
        <translation>每条评语都需要填写内容</translation>
    </message>
    <message>
        <source>only the manager&apos;s comments carry a name</source>
        <translation>只有经理的评语带有署名</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>contains an invalid character</source>
        <translation>包含无效字符</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>包含控制字符</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed</source>
        <translation>长度为 %1 个字符，最多允许 %2 个</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date (YYYY-MM-DD)</source>
        <translation>“%1”不是有效日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>the year %1 is out of range</source>
        <translation>年份 %1 超出范围</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>is not a record id</source>
        <translation>不是有效的记录 ID</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>has an unknown type</source>
        <translation>类型未知</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Sales staff</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Time stamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <source>Blockers</source>
        <translation>阻碍</translation>
    </message>
    <message>
        <source>Bonus adjustment</source>
        <translation>奖金调整</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Review cycle</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Finished on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Manager&apos;s rating</source>
        <translation>经理评分</translation>
    </message>
    <message>
        <source>Measured on</source>
        <translation>度量日期</translation>
    </message>
    <message>
        <source>Kind of measure</source>
        <translation>度量类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>期间开始</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Comes after</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>回答人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Move dependent tasks too</source>
        <translation>同时移动依赖任务</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Comes before</source>
        <translation>后续任务</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>GanttExport</name>
    <message>
        <source>There is no plan to export.</source>
        <translation>没有可导出的计划。</translation>
    </message>
    <message>
        <source>The chart is too large for an image (%1 × %2 pixels). Export it as a PDF, which splits it into pages, or zoom out first.</source>
        <translation>图表太大，无法导出为图片（%1 × %2 像素）。请导出为 PDF（会自动分页），或先缩小视图。</translation>
    </message>
    <message>
        <source>There is not enough memory for an image of the chart.</source>
        <translation>内存不足，无法生成图表图片。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Could not start printing: the printer or file is not available.</source>
        <translation>无法开始打印：打印机或文件不可用。</translation>
    </message>
    <message>
        <source>Could not start page %1.</source>
        <translation>无法开始第 %1 页。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Could not finish the document.</source>
        <translation>无法完成文档。</translation>
    </message>
</context>
<context>
    <name>GanttScale</name>
    <message>
        <source>Week %1, %2</source>
        <comment>ISO week number and its year</comment>
        <translation>%2年第%1周</translation>
    </message>
    <message>
        <source>W%1</source>
        <comment>ISO week number, short</comment>
        <translation>第%1周</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month name and year in the Gantt chart&apos;s header</comment>
        <translation>%2年%1</translation>
    </message>
    <message>
        <source>Q%1</source>
        <comment>quarter of the year</comment>
        <translation>第%1季度</translation>
    </message>
</context>
<context>
    <name>GoalAssignment</name>
    <message>
        <source>Choose the department goal to assign under.</source>
        <translation>请选择要在其下分配的部门目标。</translation>
    </message>
    <message>
        <source>The goal it is aligned to does not exist.</source>
        <translation>所对齐的目标不存在。</translation>
    </message>
    <message>
        <source>“%1” is not a department goal: people&apos;s goals are aligned to a goal of their department.</source>
        <translation>“%1”不是部门目标：个人目标须对齐到其所在部门的目标。</translation>
    </message>
    <message>
        <source>Choose the department or the position to assign the goal to.</source>
        <translation>请选择要分配目标的部门或岗位。</translation>
    </message>
    <message>
        <source>%1 is not part of %2, whose goal “%3” is: assign a department goal to its own people.</source>
        <translation>%1 不属于 %2（目标“%3”属于该部门）：部门目标只能分配给本部门人员。</translation>
    </message>
    <message>
        <source>reading the department&apos;s people</source>
        <translation>读取部门人员</translation>
    </message>
    <message>
        <source>reading goals</source>
        <translation>读取目标</translation>
    </message>
    <message>
        <source>Give the goal a title.</source>
        <translation>请为目标填写标题。</translation>
    </message>
    <message>
        <source>A goal handed to many people is an objective or a KPI of their own.</source>
        <translation>分配给多人的目标会成为每个人各自的目标(OKR)或 KPI。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: its goals, indicators and values stay as they were.</source>
        <translation>考核周期“%1”已关闭：其目标、指标和数值保持不变。</translation>
    </message>
    <message>
        <source>“%1” is measured by its key results: assign the goal under one of them.</source>
        <translation>“%1”由其关键结果衡量：请在其中某个关键结果下分配目标。</translation>
    </message>
    <message>
        <source>Everyone it would go to has a goal under “%1” already.</source>
        <translation>所有分配对象在“%1”下都已有目标。</translation>
    </message>
    <message>
        <source>Nobody active is there to assign the goal to.</source>
        <translation>没有在职人员可分配该目标。</translation>
    </message>
</context>
<context>
    <name>GoalBoard</name>
    <message>
        <source>reading goals</source>
        <translation>读取目标</translation>
    </message>
    <message>
        <source>reading indicators</source>
        <translation>读取指标</translation>
    </message>
    <message>
        <source>reading indicator values</source>
        <translation>读取指标数值</translation>
    </message>
    <message>
        <source>reading consequence rules</source>
        <translation>读取奖惩后果规则</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>indicator (goal)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>reading review cycles</source>
        <translation>读取考核周期</translation>
    </message>
</context>
<context>
    <name>GoalRules</name>
    <message>
        <source>this person</source>
        <translation>此人</translation>
    </message>
    <message>
        <source>this department</source>
        <translation>此部门</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: its goals, indicators and values stay as they were.</source>
        <translation>考核周期“%1”已关闭：其目标、指标和数值保持不变。</translation>
    </message>
    <message>
        <source>The goal does not exist.</source>
        <translation>该目标不存在。</translation>
    </message>
    <message>
        <source>The indicator does not exist.</source>
        <translation>该指标不存在。</translation>
    </message>
    <message>
        <source>“%1” weighs %2: a weight lies above 0% and at most 100%.</source>
        <translation>“%1”的权重为 %2：权重须大于 0% 且不超过 100%。</translation>
    </message>
    <message>
        <source>The key results of “%1”</source>
        <translation>“%1”的关键结果</translation>
    </message>
    <message>
        <source>The goals of %1</source>
        <translation>%1 的目标</translation>
    </message>
    <message>
        <source>The company&apos;s goals</source>
        <translation>公司目标</translation>
    </message>
    <message>
        <source>%1 would weigh %2 together; they add up to 100%.</source>
        <translation>%1 的权重合计为 %2；合计须为 100%。</translation>
    </message>
    <message>
        <source>A key result belongs to an objective: choose which.</source>
        <translation>关键结果隶属于某个目标(OKR)：请选择所属目标。</translation>
    </message>
    <message>
        <source>The goal it is aligned to does not exist.</source>
        <translation>所对齐的目标不存在。</translation>
    </message>
    <message>
        <source>“%1” is in another review cycle: a goal is aligned to a goal of its own cycle.</source>
        <translation>“%1”属于另一个考核周期：目标须对齐到同一周期的目标。</translation>
    </message>
    <message>
        <source>A key result belongs to an objective of the same owner; “%1” is not one.</source>
        <translation>关键结果须隶属于同一负责人的目标(OKR)；“%1”不是。</translation>
    </message>
    <message>
        <source>A goal is aligned to a goal one level up (a department&apos;s to a company goal, a person&apos;s to a department goal); “%1” is a %2 goal.</source>
        <translation>目标须对齐到上一层级的目标（部门目标对齐公司目标，个人目标对齐部门目标）；“%1”是%2目标。</translation>
    </message>
    <message>
        <source>%1 is not in %2, whose goal “%3” is: a person&apos;s goal is aligned to a goal of their own department or one above it.</source>
        <translation>%1 不在 %2（目标“%3”属于该部门）：个人目标须对齐到本人所在部门或其上级部门的目标。</translation>
    </message>
    <message>
        <source>A company goal belongs to no department or person.</source>
        <translation>公司目标不属于任何部门或个人。</translation>
    </message>
    <message>
        <source>A department goal names its department, and no person.</source>
        <translation>部门目标须指定所属部门，且不指定个人。</translation>
    </message>
    <message>
        <source>The department does not exist.</source>
        <translation>该部门不存在。</translation>
    </message>
    <message>
        <source>A person&apos;s goal names its person; their department is the one they are in.</source>
        <translation>个人目标须指定所属个人；其部门即此人所在部门。</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 has left the company: goals go to people who work here.</source>
        <translation>%1 已离职：目标只能分配给在职人员。</translation>
    </message>
    <message>
        <source>The position does not exist.</source>
        <translation>该岗位不存在。</translation>
    </message>
    <message>
        <source>A goal is assigned in one&apos;s own name.</source>
        <translation>目标须以本人名义分配。</translation>
    </message>
    <message>
        <source>The indicators of “%1” would weigh %2 together; they add up to 100%.</source>
        <translation>“%1”的指标权重合计为 %2；合计须为 100%。</translation>
    </message>
    <message>
        <source>“%1” is a rate, so its value lies between 0% and 100%; %2 does not.</source>
        <translation>“%1”是比率，其值须介于 0% 和 100% 之间；%2 不在此范围内。</translation>
    </message>
    <message>
        <source>A value entered by hand is recorded in the name of the person who enters it.</source>
        <translation>手工录入的数值以录入人的名义记录。</translation>
    </message>
    <message>
        <source>A value is recorded in one&apos;s own name.</source>
        <translation>数值须以本人名义记录。</translation>
    </message>
    <message>
        <source>The rule “%1” watches an indicator: add it to the indicator rather than company-wide.</source>
        <translation>规则“%1”监控的是某个指标：请将其添加到该指标，而不是全公司范围。</translation>
    </message>
    <message>
        <source>The rule “%1” needs a score between 0% and 120% below which the indicator counts as missed.</source>
        <translation>规则“%1”需要一个 0% 到 120% 之间的得分，低于该得分即视为指标未达成。</translation>
    </message>
    <message>
        <source>The rule “%1” counts issues of a kind that is not recorded.</source>
        <translation>规则“%1”统计的问题类别并不存在。</translation>
    </message>
</context>
<context>
    <name>GoalTree</name>
    <message>
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Name every goal.</source>
        <translation>请为每个目标填写名称。</translation>
    </message>
    <message>
        <source>The goal “%1” has no id.</source>
        <translation>目标“%1”没有 ID。</translation>
    </message>
    <message>
        <source>The goal “%1” appears twice in the plan.</source>
        <translation>目标“%1”在计划中出现了两次。</translation>
    </message>
    <message>
        <source>The goal “%1” is under a goal that is not in the plan.</source>
        <translation>目标“%1”的上级目标不在计划中。</translation>
    </message>
    <message>
        <source>“%1” is a %2 goal under the %3 goal “%4”: goals are decomposed from the company down to departments and people, not up.</source>
        <translation>“%1”是%2目标，却位于%3目标“%4”之下：目标应从公司逐级分解到部门和个人，不能反向分解。</translation>
    </message>
    <message>
        <source>The goal “%1” is under itself.</source>
        <translation>目标“%1”成了其自身的下级目标。</translation>
    </message>
    <message>
        <source>“%1” weighs %2: a goal&apos;s weight must be above 0%. Remove the goal rather than weighing it 0%.</source>
        <translation>“%1”的权重为 %2：目标的权重必须大于 0%。如不需要该目标，请将其删除，而不要把权重设为 0%。</translation>
    </message>
    <message>
        <source>“%1” weighs %2: a goal&apos;s weight cannot be more than 100%.</source>
        <translation>“%1”的权重为 %2：目标的权重不能超过 100%。</translation>
    </message>
    <message>
        <source>The top-level goals weigh %1 together; they must add up to 100%.</source>
        <translation>顶层目标的权重合计为 %1；合计必须为 100%。</translation>
    </message>
    <message>
        <source>The goals under “%1” weigh %2 together; they must add up to 100%.</source>
        <translation>“%1”下各目标的权重合计为 %2；合计必须为 100%。</translation>
    </message>
    <message>
        <source>A score was given for a goal that is not in the plan.</source>
        <translation>为计划中不存在的目标给出了得分。</translation>
    </message>
    <message>
        <source>A score was given for “%1”, which is decomposed into other goals: its score is rolled up from theirs.</source>
        <translation>为“%1”给出了得分，但该目标已分解为其他目标：其得分应由下级目标的得分汇总得出。</translation>
    </message>
    <message>
        <source>The score of “%1” must be a number of 0% or more.</source>
        <translation>“%1”的得分必须是不小于 0% 的数值。</translation>
    </message>
</context>
<context>
    <name>GoalValues</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标(OKR)</translation>
    </message>
    <message>
        <source>Key result</source>
        <translation>关键结果</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rate (0–100%)</source>
        <translation>比率 (0–100%)</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>ERP feed</source>
        <translation>ERP 数据</translation>
    </message>
    <message>
        <source>Indicator missed</source>
        <translation>指标未达成</translation>
    </message>
    <message>
        <source>Issue occurred</source>
        <translation>发生问题</translation>
    </message>
    <message>
        <source>Bonus adjustment</source>
        <translation>奖金调整</translation>
    </message>
    <message>
        <source>No promotion this cycle</source>
        <translation>本周期不予晋升</translation>
    </message>
    <message>
        <source>Training assigned</source>
        <translation>安排培训</translation>
    </message>
    <message>
        <source>Title awarded</source>
        <translation>授予称号</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>%1 weigh %2 together; they must add up to 100%.</source>
        <translation>%1 的权重合计为 %2；合计必须为 100%。</translation>
    </message>
    <message>
        <source>The goal does not exist.</source>
        <translation>该目标不存在。</translation>
    </message>
    <message>
        <source>reading goals</source>
        <translation>读取目标</translation>
    </message>
    <message>
        <source>The key results of “%1”</source>
        <translation>“%1”的关键结果</translation>
    </message>
    <message>
        <source>The company&apos;s goals outside any cycle</source>
        <translation>不属于任何周期的公司目标</translation>
    </message>
    <message>
        <source>The company&apos;s goals for %1</source>
        <translation>%1 的公司目标</translation>
    </message>
    <message>
        <source>The goals of %1 outside any cycle</source>
        <translation>%1 不属于任何周期的目标</translation>
    </message>
    <message>
        <source>The goals of %1 for %2</source>
        <translation>%1 在 %2 的目标</translation>
    </message>
    <message>
        <source>“%1” weighs %2: a weight lies above 0% and at most 100%.</source>
        <translation>“%1”的权重为 %2：权重须大于 0% 且不超过 100%。</translation>
    </message>
    <message>
        <source>At %1, “%2” leaves no room for the %3 other goals of its plan: give it less.</source>
        <translation>权重为 %1 时，“%2”没有给其计划中其余 %3 个目标留出空间：请降低其权重。</translation>
    </message>
    <message>
        <source>Say how “%1” is measured: add an indicator.</source>
        <translation>请说明“%1”如何衡量：添加一个指标。</translation>
    </message>
    <message>
        <source>Choose the kind, direction and source of “%1”.</source>
        <translation>请选择“%1”的类型、方向和来源。</translation>
    </message>
    <message>
        <source>The indicators of “%1”</source>
        <translation>“%1”的指标</translation>
    </message>
    <message>
        <source>Name every consequence rule.</source>
        <translation>请为每条奖惩后果规则命名。</translation>
    </message>
    <message>
        <source>Choose when the rule “%1” applies and what it does.</source>
        <translation>请选择规则“%1”的适用条件及其作用。</translation>
    </message>
    <message>
        <source>The rule “%1” watches an indicator the goal does not have.</source>
        <translation>规则“%1”监控的指标不属于该目标。</translation>
    </message>
    <message>
        <source>The rule “%1” does not say which indicator it watches.</source>
        <translation>规则“%1”未指明所监控的指标。</translation>
    </message>
    <message>
        <source>The rule “%1” needs a score between 0% and 120% below which the indicator counts as missed.</source>
        <translation>规则“%1”需要一个 0% 到 120% 之间的得分，低于该得分即视为指标未达成。</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: its goals, indicators and values stay as they were.</source>
        <translation>考核周期“%1”已关闭：其目标、指标和数值保持不变。</translation>
    </message>
    <message>
        <source>A key result belongs to an objective: choose which.</source>
        <translation>关键结果隶属于某个目标(OKR)：请选择所属目标。</translation>
    </message>
    <message>
        <source>The goal it is aligned to does not exist.</source>
        <translation>所对齐的目标不存在。</translation>
    </message>
    <message>
        <source>“%1” is in another review cycle: a goal is aligned to a goal of its own cycle.</source>
        <translation>“%1”属于另一个考核周期：目标须对齐到同一周期的目标。</translation>
    </message>
    <message>
        <source>A key result belongs to an objective of the same owner; “%1” is not one.</source>
        <translation>关键结果须隶属于同一负责人的目标(OKR)；“%1”不是。</translation>
    </message>
    <message>
        <source>“%1” is measured by the goals aligned to it: add the key result as a goal aligned to it instead, or to another objective.</source>
        <translation>“%1”由对齐到它的目标衡量：请改为将该关键结果作为对齐到它的目标添加，或将其归入另一个目标(OKR)。</translation>
    </message>
    <message>
        <source>A goal is aligned to a goal one level up (a department&apos;s to a company goal, a person&apos;s to a department goal); “%1” is a %2 goal.</source>
        <translation>目标须对齐到上一层级的目标（部门目标对齐公司目标，个人目标对齐部门目标）；“%1”是%2目标。</translation>
    </message>
    <message>
        <source>“%1” is measured by its key results: align “%2” to one of them.</source>
        <translation>“%1”由其关键结果衡量：请将“%2”对齐到其中一个关键结果。</translation>
    </message>
    <message>
        <source>%1 is not in %2, whose goal “%3” is: a person&apos;s goal is aligned to a goal of their own department or one above it.</source>
        <translation>%1 不在 %2（目标“%3”属于该部门）：个人目标须对齐到本人所在部门或其上级部门的目标。</translation>
    </message>
    <message>
        <source>Give the goal a title.</source>
        <translation>请为目标填写标题。</translation>
    </message>
    <message>
        <source>Choose the goal&apos;s level and kind.</source>
        <translation>请选择目标的层级和类型。</translation>
    </message>
    <message>
        <source>Choose the department whose goal it is.</source>
        <translation>请选择目标所属的部门。</translation>
    </message>
    <message>
        <source>Choose whose goal it is.</source>
        <translation>请选择目标所属的人员。</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 has left the company: goals go to people who work here.</source>
        <translation>%1 已离职：目标只能分配给在职人员。</translation>
    </message>
    <message>
        <source>Give the goals their weights.</source>
        <translation>请为目标设置权重。</translation>
    </message>
    <message>
        <source>The weights given are of goals of different plans: set one plan&apos;s weights at a time.</source>
        <translation>所设置的权重属于不同计划的目标：请每次只设置一个计划的权重。</translation>
    </message>
    <message>
        <source>%1 include “%2”, which has no weight: give every goal of the plan its weight.</source>
        <translation>%1 包含没有权重的“%2”：请为计划中的每个目标设置权重。</translation>
    </message>
    <message>
        <source>reading indicators</source>
        <translation>读取指标</translation>
    </message>
    <message>
        <source>The indicator does not exist.</source>
        <translation>该指标不存在。</translation>
    </message>
    <message>
        <source>A value is recorded in the name of the person who enters it; this account belongs to nobody on the staff.</source>
        <translation>数值以录入人的名义记录；此账户不属于任何员工。</translation>
    </message>
    <message>
        <source>Say on which day the value was measured.</source>
        <translation>请说明数值是在哪一天度量的。</translation>
    </message>
    <message>
        <source>A value cannot be measured in the future.</source>
        <translation>不能度量未来的数值。</translation>
    </message>
    <message>
        <source>The rule “%1” counts issues of a kind that is not recorded: choose one of %2.</source>
        <translation>规则“%1”统计的问题类别并不存在：请选择 %2 之一。</translation>
    </message>
</context>
<context>
    <name>GradeScale</name>
    <message>
        <source>The grade scale has no grades.</source>
        <translation>等级标准中没有任何等级。</translation>
    </message>
    <message>
        <source>Name every grade of the scale.</source>
        <translation>请为等级标准中的每个等级填写名称。</translation>
    </message>
    <message>
        <source>“%1” appears twice in the grade scale.</source>
        <translation>等级标准中“%1”出现了两次。</translation>
    </message>
    <message>
        <source>The grade “%1” must start at a score of 0% or more.</source>
        <translation>等级“%1”的起始分数不能低于 0%。</translation>
    </message>
    <message>
        <source>The lowest grade, “%1”, starts at %2: the scale must start at 0% so that every score has a grade.</source>
        <translation>最低等级“%1”的起始分数为 %2：等级标准必须从 0% 开始，才能保证每个得分都有对应的等级。</translation>
    </message>
    <message>
        <source>The grade “%1” starts at %2, not above “%3” (%4): list the grades from the lowest up, each starting higher than the one before.</source>
        <translation>等级“%1”的起始分数为 %2，未高于“%3”（%4）：请从最低等级起依次列出各等级，且每个等级的起始分数都须高于前一个等级。</translation>
    </message>
    <message>
        <source>A score must be a number of 0% or more.</source>
        <translation>得分必须是不小于 0% 的数值。</translation>
    </message>
</context>
<context>
    <name>HandoverLookup</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(unknown person)</source>
        <translation>（未知人员）</translation>
    </message>
</context>
<context>
    <name>HandoverRules</name>
    <message>
        <source>The %1 chosen does not exist.</source>
        <translation>所选%1不存在。</translation>
    </message>
    <message>
        <source>The leaver cannot be their own %1.</source>
        <translation>离职人员不能担任自己的%1。</translation>
    </message>
    <message>
        <source>%1 is leaving the company too and cannot be the %2.</source>
        <translation>%1 也将离职，不能担任%2。</translation>
    </message>
    <message>
        <source>A handover case is kept for good; cancel it instead.</source>
        <translation>工作交接记录将永久保留，不能删除；请改为取消。</translation>
    </message>
    <message>
        <source>The leaver does not exist.</source>
        <translation>该离职人员不存在。</translation>
    </message>
    <message>
        <source>The departure date %1 is before %2 was hired (%3).</source>
        <translation>离职日期 %1 早于 %2 的入职日期（%3）。</translation>
    </message>
    <message>
        <source>%1 has left already.</source>
        <translation>%1 已经离职。</translation>
    </message>
    <message>
        <source>A handover needs at least one successor.</source>
        <translation>工作交接至少需要一名接任人。</translation>
    </message>
    <message>
        <source>successor</source>
        <translation>接任人</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>A handover for %1 is in progress already.</source>
        <translation>%1 的工作交接已在进行中。</translation>
    </message>
    <message>
        <source>The handover has been submitted for sign-off: its people and date no longer change.</source>
        <translation>该工作交接已提交签批：相关人员和日期不能再更改。</translation>
    </message>
    <message>
        <source>The handover has no sign-off.</source>
        <translation>该工作交接没有签批。</translation>
    </message>
    <message>
        <source>The handover sign-off is not complete: the leaver, the successors and the supervisor must all sign first.</source>
        <translation>工作交接签批尚未完成：离职人员、接任人和主管须先全部签字。</translation>
    </message>
    <message>
        <source>The handover case does not exist.</source>
        <translation>该工作交接不存在。</translation>
    </message>
    <message>
        <source>The checklist was submitted for sign-off and no longer changes.</source>
        <translation>交接清单已提交签批，不能再更改。</translation>
    </message>
    <message>
        <source>Only the leaver, HR and managers change a handover checklist.</source>
        <translation>只有离职人员、人事人员和经理才能修改交接清单。</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Waiting for sign-off</source>
        <translation>待签批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>Waiting approval</source>
        <translation>待处理审批</translation>
    </message>
    <message>
        <source>Key document</source>
        <translation>关键文件</translation>
    </message>
    <message>
        <source>Asset to return</source>
        <translation>待归还资产</translation>
    </message>
    <message>
        <source>Account or credential</source>
        <translation>账号或凭据</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Handovers</name>
    <message>
        <source>(unknown person)</source>
        <translation>（未知人员）</translation>
    </message>
    <message>
        <source>Choose who is leaving.</source>
        <translation>请选择离职人员。</translation>
    </message>
    <message>
        <source>Enter the departure date.</source>
        <translation>请输入离职日期。</translation>
    </message>
    <message>
        <source>Choose the supervisor who approves the handover.</source>
        <translation>请选择审批此工作交接的主管。</translation>
    </message>
    <message>
        <source>A handover needs at least one successor.</source>
        <translation>工作交接至少需要一名接任人。</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>已完成 %1%</translation>
    </message>
    <message>
        <source>, overdue since %1</source>
        <translation>，自 %1 起逾期</translation>
    </message>
    <message>
        <source>, due %1</source>
        <translation>，截止 %1</translation>
    </message>
    <message>
        <source>, project %1</source>
        <translation>，项目 %1</translation>
    </message>
    <message>
        <source>reading the work trail</source>
        <translation>读取工作轨迹</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Describe the item.</source>
        <translation>请描述该事项。</translation>
    </message>
    <message>
        <source>Handover of %1, leaving on %2.</source>
        <translation>%1 的工作交接，离职日期 %2。</translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>This handover has been submitted already.</source>
        <translation>该工作交接已提交。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has nobody to receive it: choose a receiver first.</source>
        <translation>“%1”没有接收人：请先选择接收人。</translation>
    </message>
    <message>
        <source>There is no active handover sign-off workflow: add one under Approvals, Workflow templates.</source>
        <translation>没有启用的工作交接签批流程：请在“审批 &gt; 流程模板”中添加。</translation>
    </message>
    <message>
        <source>Handover of %1</source>
        <translation>%1 的工作交接</translation>
    </message>
    <message>
        <source>This handover is complete already.</source>
        <translation>该工作交接已完成。</translation>
    </message>
    <message>
        <source>The handover has not been submitted for sign-off yet.</source>
        <translation>该工作交接尚未提交签批。</translation>
    </message>
    <message>
        <source>The handover sign-off is not complete: the leaver, the successors and the supervisor must all sign first.</source>
        <translation>工作交接签批尚未完成：离职人员、接任人和主管须先全部签字。</translation>
    </message>
    <message>
        <source>This handover is %1 and can no longer be cancelled.</source>
        <translation>该工作交接已处于“%1”状态，无法再取消。</translation>
    </message>
    <message>
        <source>The handover case does not exist.</source>
        <translation>该工作交接不存在。</translation>
    </message>
    <message>
        <source>reading handovers</source>
        <translation>读取工作交接</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>reading a record&apos;s history</source>
        <translation>读取记录的历史</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>（已更改）</translation>
    </message>
</context>
<context>
    <name>HlcClock</name>
    <message>
        <source>The change is dated %1 ms ahead of this computer&apos;s clock (at most %2 ms allowed). Check the clock of device %3.</source>
        <translation>该更改的时间比本机时钟快 %1 毫秒（最多允许 %2 毫秒）。请检查设备 %3 的时钟。</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>finding the administrator</source>
        <translation>查找系统管理员</translation>
    </message>
    <message>
        <source>The database has no active administrator to import as.</source>
        <translation>数据库中没有可用于执行导入的在职系统管理员。</translation>
    </message>
    <message>
        <source>finding the employee</source>
        <translation>查找员工</translation>
    </message>
    <message>
        <source>There is no employee with the number %1.</source>
        <translation>没有工号为 %1 的员工。</translation>
    </message>
    <message>
        <source>Usage: baton-cli import mail|chat|docs PATH... --employee NUMBER --database FILE</source>
        <translation>用法：baton-cli import mail|chat|docs PATH... --employee NUMBER --database FILE</translation>
    </message>
    <message>
        <source>Import what? &quot;%1&quot; is not mail, chat or docs.</source>
        <translation>要导入什么？“%1”不是 mail、chat 或 docs。</translation>
    </message>
    <message>
        <source>Number of the employee whose trail it is.</source>
        <translation>工作轨迹所属员工的工号。</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>Time zone of chat exports&apos; local times (default: this computer&apos;s).</source>
        <translation>聊天记录导出文件中本地时间所用的时区（默认：本机时区）。</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>ZONE</translation>
    </message>
    <message>
        <source>Files or folders to import.</source>
        <translation>要导入的文件或文件夹。</translation>
    </message>
    <message>
        <source>Name at least one file or folder to import.</source>
        <translation>请至少指定一个要导入的文件或文件夹。</translation>
    </message>
    <message>
        <source>Give the employee&apos;s number with --employee NUMBER.</source>
        <translation>请用 --employee NUMBER 指定员工工号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone (for example Asia/Shanghai).</source>
        <translation>“%1”不是有效的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s) into the work trail of %1</source>
        <translation>
            <numerusform>已向 %1 的工作轨迹导入 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them file(s)</source>
        <translation>
            <numerusform>，其中 %n 项为文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n:</source>
        <translation>
            <numerusform>已跳过 %n 项：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorScore</name>
    <message>
        <source>Name the indicator&apos;s metric.</source>
        <translation>请填写指标的度量项名称。</translation>
    </message>
    <message>
        <source>The target of “%1” is not a number.</source>
        <translation>“%1”的目标值不是有效数字。</translation>
    </message>
    <message>
        <source>The threshold of “%1” is not a number.</source>
        <translation>“%1”的门槛值不是有效数字。</translation>
    </message>
    <message>
        <source>“%1” is a rate, so its target lies between 0% and 100%; %2 does not.</source>
        <translation>“%1”是比率，其目标值应在 0% 至 100% 之间；%2 不在此范围内。</translation>
    </message>
    <message>
        <source>“%1” has a target of 0%: a score compares the actual rate with the target, and nothing compares with 0%. Set a target above 0% (such as 1% for a bug rate), or add a consequence rule for zero tolerance.</source>
        <translation>“%1”的目标值为 0%：得分是将实际比率与目标值相比较得出的，而任何值都无法与 0% 相比较。请设置大于 0% 的目标值（例如缺陷率设为 1%），或添加一条零容忍的奖惩规则。</translation>
    </message>
    <message>
        <source>“%1” has a target of 0: a score compares the actual value with the target, and nothing compares with 0. Set a target above 0, or add a consequence rule for zero tolerance.</source>
        <translation>“%1”的目标值为 0：得分是将实际值与目标值相比较得出的，而任何值都无法与 0 相比较。请设置大于 0 的目标值，或添加一条零容忍的奖惩规则。</translation>
    </message>
    <message>
        <source>The target of “%1” is negative (%2): a score compares the actual value with the target, which works only for targets above 0. Measure the opposite quantity (a loss rather than a profit), or choose another target.</source>
        <translation>“%1”的目标值为负数（%2）：得分是将实际值与目标值相比较得出的，仅适用于大于 0 的目标值。请改为衡量相反的量（例如以亏损代替利润），或选择其他目标值。</translation>
    </message>
    <message>
        <source>“%1” is a rate, so its threshold lies between 0% and 100%; %2 does not.</source>
        <translation>“%1”是比率，其门槛值应在 0% 至 100% 之间；%2 不在此范围内。</translation>
    </message>
    <message>
        <source>The threshold of “%1” (%2) is above its target (%3): where higher is better, the threshold is the least that still scores.</source>
        <translation>“%1”的门槛值（%2）高于其目标值（%3）：对于越高越好的指标，门槛值是仍可得分的最低值。</translation>
    </message>
    <message>
        <source>The threshold of “%1” (%2) is below its target (%3): where lower is better, the threshold is the most that still scores.</source>
        <translation>“%1”的门槛值（%2）低于其目标值（%3）：对于越低越好的指标，门槛值是仍可得分的最高值。</translation>
    </message>
    <message>
        <source>The score cap must be a number of at least 100%, so that meeting the target scores 100%.</source>
        <translation>得分上限必须是不小于 100% 的数值，这样达到目标值时才能得到 100%。</translation>
    </message>
    <message>
        <source>The actual value of “%1” is not a number.</source>
        <translation>“%1”的实际值不是有效数字。</translation>
    </message>
    <message>
        <source>“%1” is a rate, so its actual value lies between 0% and 100%; %2 does not.</source>
        <translation>“%1”是比率，其实际值应在 0% 至 100% 之间；%2 不在此范围内。</translation>
    </message>
</context>
<context>
    <name>InitCommand</name>
    <message>
        <source>Login of the first administrator.</source>
        <translation>第一个系统管理员的登录名。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read the administrator&apos;s password from the first line of FILE.</source>
        <translation>从 FILE 的第一行读取系统管理员密码。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The administrator&apos;s password (visible to other users of this computer; prefer --password-file).</source>
        <translation>系统管理员的密码（本机其他用户可以看到；建议改用 --password-file）。</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>PASSWORD</translation>
    </message>
    <message>
        <source>Usage: baton-cli init --database FILE --admin NAME (--password-file F | --password P)</source>
        <translation>用法：baton-cli init --database FILE --admin NAME (--password-file F | --password P)</translation>
    </message>
    <message>
        <source>Give the administrator&apos;s password with --password-file FILE.</source>
        <translation>请用 --password-file FILE 提供系统管理员密码。</translation>
    </message>
    <message>
        <source>Created %1 with administrator &quot;%2&quot;.</source>
        <translation>已创建 %1，系统管理员为“%2”。</translation>
    </message>
</context>
<context>
    <name>LogKey</name>
    <message>
        <source>Could not create a signing key.</source>
        <translation>无法创建签名密钥。</translation>
    </message>
    <message>
        <source>This is not an Ed25519 private key.</source>
        <translation>这不是 Ed25519 私钥。</translation>
    </message>
    <message>
        <source>This is not an Ed25519 public key.</source>
        <translation>这不是 Ed25519 公钥。</translation>
    </message>
    <message>
        <source>Could not sign.</source>
        <translation>无法签名。</translation>
    </message>
    <message>
        <source>A log origin is printable ASCII without spaces or &apos;+&apos;.</source>
        <translation>日志来源标识须为不含空格和“+”的可打印 ASCII 字符。</translation>
    </message>
    <message>
        <source>This is not a Merkle tree head.</source>
        <translation>这不是 Merkle 树头。</translation>
    </message>
</context>
<context>
    <name>LogProofs</name>
    <message>
        <source>It changed while the bundle was being made (export again), or it was changed on the server&apos;s database without going through the server, so the log does not hold that change.</source>
        <translation>该记录在生成证据包期间发生了更改（请重新导出），或者有人绕过服务器直接修改了服务器数据库，因此日志中没有这项更改。</translation>
    </message>
    <message>
        <source>reading the server log</source>
        <translation>读取服务器日志</translation>
    </message>
    <message>
        <source>The server log is damaged at entry %1.</source>
        <translation>服务器日志在第 %1 条记录处损坏。</translation>
    </message>
    <message>
        <source>not a proof file: a JSON array of {index, leaf, proof}</source>
        <translation>不是证明文件：证明文件应为由 {index, leaf, proof} 组成的 JSON 数组</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of record Baton knows</source>
        <translation>“%1”不是 Baton 可识别的记录类型</translation>
    </message>
    <message>
        <source>no change of this record is in the log</source>
        <translation>日志中没有此记录的任何更改</translation>
    </message>
    <message>
        <source>entry %1 is out of log order or beyond the checkpoint&apos;s %2 entries</source>
        <translation>第 %1 条日志记录顺序错乱，或超出了检查点的 %2 条记录范围</translation>
    </message>
    <message>
        <source>entry %1 is not in the checkpoint&apos;s tree: the change or its proof was altered</source>
        <translation>第 %1 条日志记录不在检查点的默克尔树中：该更改或其证明已被篡改</translation>
    </message>
    <message>
        <source>entry %1 is not a change in canonical form</source>
        <translation>第 %1 条日志记录不是规范格式的更改</translation>
    </message>
    <message>
        <source>entry %1 is a change of another record (%2 %3)</source>
        <translation>第 %1 条日志记录是对另一条记录（%2 %3）的更改</translation>
    </message>
    <message>
        <source>entry %1 sets the field &quot;%2&quot;, which a %3 cannot hold</source>
        <translation>第 %1 条日志记录设置了字段“%2”，但 %3 不包含该字段</translation>
    </message>
    <message>
        <source>entry %1 creates the record a second time</source>
        <translation>第 %1 条日志记录重复创建了该记录</translation>
    </message>
    <message>
        <source>entry %1 changes the record before it is created</source>
        <translation>第 %1 条日志记录在该记录创建之前就对其进行了更改</translation>
    </message>
    <message>
        <source>the record is not what its logged changes make (%1)</source>
        <translation>该记录与日志中各项更改得出的结果不符（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in the log, the last at entry %1 of the checkpoint&apos;s %2, make this record</source>
        <translation>
            <numerusform>此记录由日志中的 %n 项更改生成，最后一项为检查点 %2 条记录中的第 %1 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogVerifier</name>
    <message>
        <source>This is not a log verifier key.</source>
        <translation>这不是日志验证密钥。</translation>
    </message>
    <message>
        <source>A log origin is printable ASCII without spaces or &apos;+&apos;.</source>
        <translation>日志来源标识须为不含空格和“+”的可打印 ASCII 字符。</translation>
    </message>
    <message>
        <source>The server sent a malformed checkpoint.</source>
        <translation>服务器发送的检查点格式有误。</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s signature by the log key is not valid.</source>
        <translation>检查点上日志密钥的签名无效。</translation>
    </message>
    <message>
        <source>The checkpoint is not signed by the log key.</source>
        <translation>检查点未经日志密钥签名。</translation>
    </message>
    <message>
        <source>The checkpoint is for another log than the pinned one.</source>
        <translation>该检查点属于另一个日志，而非已固定的日志。</translation>
    </message>
</context>
<context>
    <name>MailParser</name>
    <message>
        <source>The data has no email headers (such as From, To, Subject or Date): it is not an email.</source>
        <translation>数据中没有邮件头（如 From、To、Subject 或 Date）：不是电子邮件。</translation>
    </message>
    <message>
        <source>Message %1 (at byte %2) has no headers: it is not an email.</source>
        <translation>第 %1 封邮件（位于第 %2 字节）没有邮件头：不是电子邮件。</translation>
    </message>
    <message>
        <source>Message %1 (at byte %2) does not start with email headers: it is not an email. A line starting with &quot;From &quot; in the message before it may have split that message in two.</source>
        <translation>第 %1 封邮件（位于第 %2 字节）不是以邮件头开头：不是电子邮件。可能是上一封邮件中以 &quot;From &quot; 开头的某一行把该邮件拆成了两封。</translation>
    </message>
    <message>
        <source>The email is cut off: it ends before its last part or its headers do. Nothing was imported.</source>
        <translation>邮件不完整：在最后一个部分或邮件头结束之前就已中断。未导入任何内容。</translation>
    </message>
    <message>
        <source>Message %1 (at byte %2) is cut off: it ends before its last part or its headers do. It was not imported.</source>
        <translation>第 %1 封邮件（位于第 %2 字节）不完整：在最后一个部分或邮件头结束之前就已中断。该邮件未导入。</translation>
    </message>
    <message>
        <source>The email nests its parts too deeply to be read.</source>
        <translation>邮件各部分的嵌套层级过深，无法读取。</translation>
    </message>
    <message>
        <source>Message %1 (at byte %2) nests its parts too deeply to be read.</source>
        <translation>第 %1 封邮件（位于第 %2 字节）各部分的嵌套层级过深，无法读取。</translation>
    </message>
    <message>
        <source>The file is empty: it is not an email.</source>
        <translation>文件为空：不是电子邮件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>无法读取文件 %1：%2。</translation>
    </message>
    <message>
        <source>The file %1 is empty: it holds no email.</source>
        <translation>文件 %1 为空：其中没有邮件。</translation>
    </message>
    <message>
        <source>The file %1 is a single email, not an mbox file: import it as an .eml file.</source>
        <translation>文件 %1 是单封邮件，而不是 mbox 文件：请将其作为 .eml 文件导入。</translation>
    </message>
    <message>
        <source>The file %1 is not an mbox file: no line starting with &quot;From &quot; begins a message in its first megabyte.</source>
        <translation>文件 %1 不是 mbox 文件：其前 1 MB 内没有任何以 &quot;From &quot; 开头、作为邮件起始的行。</translation>
    </message>
    <message>
        <source>The file starts with %1 bytes that belong to no message, before the first &quot;From &quot; line: they were skipped.</source>
        <translation>文件开头、第一个 &quot;From &quot; 行之前有 %1 字节不属于任何邮件：已跳过这些内容。</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>This database was written by a newer version of Baton (schema %1; this Baton understands up to %2). Install the newer Baton to open it; the file was not changed.</source>
        <translation>此数据库由更新版本的 Baton 写入（结构版本 %1；当前 Baton 最高支持 %2）。请安装新版 Baton 后再打开；文件未被修改。</translation>
    </message>
    <message>
        <source>The database needs an upgrade to schema %1, but it is open read-only.</source>
        <translation>数据库需要升级到结构版本 %1，但当前以只读方式打开。</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation>将数据库升级到结构版本 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>People</source>
        <translation>员工档案</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>绩效</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Malformed change: %1</source>
        <translation>变更格式错误：%1</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>未知的键 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>缺少 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text</source>
        <translation>&quot;%1&quot; 必须是文本</translation>
    </message>
    <message>
        <source>&quot;fields&quot; must be an object</source>
        <translation>&quot;fields&quot; 必须是对象</translation>
    </message>
    <message>
        <source>&quot;id&quot; is not a version 7 UUID</source>
        <translation>&quot;id&quot; 不是版本 7 的 UUID</translation>
    </message>
    <message>
        <source>&quot;entity&quot; is not the name of a kind of record</source>
        <translation>&quot;entity&quot; 不是记录类型的名称</translation>
    </message>
    <message>
        <source>&quot;entityId&quot; is not a UUID</source>
        <translation>&quot;entityId&quot; 不是 UUID</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation>未知的类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;hlc&quot; is not a clock reading</source>
        <translation>&quot;hlc&quot; 不是有效的时钟读数</translation>
    </message>
    <message>
        <source>&quot;author&quot; is not a UUID</source>
        <translation>&quot;author&quot; 不是 UUID</translation>
    </message>
    <message>
        <source>&quot;device&quot; is empty or does not match the clock reading</source>
        <translation>&quot;device&quot; 为空或与时钟读数不符</translation>
    </message>
    <message>
        <source>&quot;fields&quot; holds a value that cannot be stored</source>
        <translation>&quot;fields&quot; 中含有无法存储的值</translation>
    </message>
    <message>
        <source>&quot;base&quot; must name from 1 to 64 fields</source>
        <translation>&quot;base&quot; 必须列出 1 至 64 个字段</translation>
    </message>
    <message>
        <source>&quot;base&quot; must give a clock reading for each field</source>
        <translation>&quot;base&quot; 必须为每个字段给出时钟读数</translation>
    </message>
</context>
<context>
    <name>OrgNameResolver</name>
    <message>
        <source>Unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>OrgRules</name>
    <message>
        <source>The %1 chosen does not exist.</source>
        <translation>所选%1不存在。</translation>
    </message>
    <message>
        <source>The %1 chosen has been retired.</source>
        <translation>所选%1已停用。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation>%1“%2”只能包含字母、数字、“.”、“_”和“-”（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already in use.</source>
        <translation>%1“%2”已被使用。</translation>
    </message>
    <message>
        <source>The department code</source>
        <translation>部门编码</translation>
    </message>
    <message>
        <source>The head office is the top of the organisation and has no parent.</source>
        <translation>总部是组织架构的最顶层，没有上级部门。</translation>
    </message>
    <message>
        <source>Choose the department this one belongs to.</source>
        <translation>请选择此部门所属的上级部门。</translation>
    </message>
    <message>
        <source>A department cannot belong to itself.</source>
        <translation>部门不能隶属于自身。</translation>
    </message>
    <message>
        <source>parent department</source>
        <translation>上级部门</translation>
    </message>
    <message>
        <source>A department cannot be moved below one of its own sub-departments.</source>
        <translation>部门不能移到其自身的下级部门之下。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (for example Asia/Shanghai).</source>
        <translation>“%1”不是已知的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (for example CNY).</source>
        <translation>“%1”不是 ISO 4217 币种代码（例如 CNY）。</translation>
    </message>
    <message>
        <source>department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Move or retire its sub-departments first.</source>
        <translation>请先移走或停用其下级部门。</translation>
    </message>
    <message>
        <source>Employees still in this department: %1. Move them to another department first.</source>
        <translation>该部门仍有 %1 名员工，请先将他们调到其他部门。</translation>
    </message>
    <message>
        <source>The position code</source>
        <translation>岗位编码</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>The employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>“%1”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number (digits, spaces, +, - and brackets).</source>
        <translation>“%1”不是有效的电话号码（只能包含数字、空格、+、- 和括号）。</translation>
    </message>
    <message>
        <source>The departure date (%1) is before the hire date (%2).</source>
        <translation>离职日期（%1）早于入职日期（%2）。</translation>
    </message>
    <message>
        <source>A departing or departed employee needs a departure date.</source>
        <translation>离职中或已离职的员工必须填写离职日期。</translation>
    </message>
    <message>
        <source>An employee cannot be their own manager.</source>
        <translation>员工不能是自己的直属上级。</translation>
    </message>
    <message>
        <source>The manager chosen does not exist.</source>
        <translation>所选直属上级不存在。</translation>
    </message>
    <message>
        <source>The manager chosen has left the company.</source>
        <translation>所选直属上级已离职。</translation>
    </message>
    <message>
        <source>The manager must work in the employee&apos;s department or a department above it.</source>
        <translation>直属上级必须在该员工所在部门或其上级部门任职。</translation>
    </message>
    <message>
        <source>This manager reports, directly or not, to the employee: the reporting line would go round in a circle.</source>
        <translation>该直属上级直接或间接向此员工汇报：汇报关系将形成循环。</translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Branch store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Departing</source>
        <translation>离职中</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离职</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>scrypt is not available.</source>
        <translation>scrypt 不可用。</translation>
    </message>
    <message>
        <source>The password could not be processed.</source>
        <translation>无法处理该密码。</translation>
    </message>
    <message>
        <source>The password hashing parameters are out of range.</source>
        <translation>密码哈希参数超出范围。</translation>
    </message>
    <message>
        <source>No secure random numbers are available.</source>
        <translation>没有可用的安全随机数。</translation>
    </message>
    <message>
        <source>The stored password is unreadable.</source>
        <translation>存储的密码无法读取。</translation>
    </message>
    <message>
        <source>Use at least 8 characters for the password.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>密码过长。</translation>
    </message>
    <message>
        <source>The password cannot be blank.</source>
        <translation>密码不能为空。</translation>
    </message>
</context>
<context>
    <name>PerformanceRules</name>
    <message>
        <source>A review cycle cannot end before it begins.</source>
        <translation>考核周期的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed.</source>
        <translation>考核周期“%1”已关闭。</translation>
    </message>
    <message>
        <source>Closing a review cycle records when.</source>
        <translation>关闭考核周期时会记录关闭时间。</translation>
    </message>
    <message>
        <source>There is no setting named “%1”.</source>
        <translation>不存在名为“%1”的设置。</translation>
    </message>
    <message>
        <source>The setting “%1” is not a JSON object or array.</source>
        <translation>设置“%1”不是 JSON 对象或数组。</translation>
    </message>
    <message>
        <source>The setting “%1” exists already.</source>
        <translation>设置“%1”已存在。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>PerformanceSettings</name>
    <message>
        <source>reading performance settings</source>
        <translation>读取绩效设置</translation>
    </message>
    <message>
        <source>There is no setting named “%1”.</source>
        <translation>不存在名为“%1”的设置。</translation>
    </message>
    <message>
        <source>The setting “%1” is a JSON object or array.</source>
        <translation>设置“%1”是 JSON 对象或数组。</translation>
    </message>
    <message>
        <source>The grade scale would break the reward rules; change them first. %1</source>
        <translation>该等级标准会破坏奖惩规则，请先修改奖惩规则。%1</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>This account</source>
        <translation>此账号</translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message>
        <source>%1 belongs to an employee who has left; access ended on their departure date.</source>
        <translation>%1 属于已离职员工；访问权限已于其离职日期终止。</translation>
    </message>
    <message>
        <source>%1 may not %2.</source>
        <translation>%1 无权%2。</translation>
    </message>
    <message>
        <source>%1 may %2 only for their own records or department; this record is outside that scope.</source>
        <translation>%1 仅能在本人或本部门范围内%2；此记录超出该范围。</translation>
    </message>
</context>
<context>
    <name>PostgresAddress</name>
    <message>
        <source>The database address is too long.</source>
        <translation>数据库地址过长。</translation>
    </message>
    <message>
        <source>A PostgreSQL address starts with postgresql://.</source>
        <translation>PostgreSQL 地址应以 postgresql:// 开头。</translation>
    </message>
    <message>
        <source>The database address contains a space or a control character; percent-encode it (%20).</source>
        <translation>数据库地址含有空格或控制字符，请用百分号编码（%20）。</translation>
    </message>
    <message>
        <source>The database address names no database: add /dbname after the host, as in postgresql://baton@localhost/baton.</source>
        <translation>数据库地址未指明数据库：请在主机后加上 /dbname，例如 postgresql://baton@localhost/baton。</translation>
    </message>
    <message>
        <source>The database address names no user: write it as postgresql://user@host/dbname.</source>
        <translation>数据库地址未指明用户：请写成 postgresql://user@host/dbname。</translation>
    </message>
    <message>
        <source>The user name in the database address has a bad %-escape.</source>
        <translation>数据库地址中的用户名含有无效的 %-转义。</translation>
    </message>
    <message>
        <source>The password in the database address has a bad %-escape (the password itself is not shown).</source>
        <translation>数据库地址中的密码含有无效的 %-转义（密码本身不予显示）。</translation>
    </message>
    <message>
        <source>The IPv6 host in the database address lacks its closing ].</source>
        <translation>数据库地址中的 IPv6 主机缺少结尾的 ]。</translation>
    </message>
    <message>
        <source>Unexpected text after the host in the database address.</source>
        <translation>数据库地址中主机后有多余的文字。</translation>
    </message>
    <message>
        <source>The database address has a &apos;:&apos; but no port.</source>
        <translation>数据库地址中有“:”但没有端口。</translation>
    </message>
    <message>
        <source>The database address names no host.</source>
        <translation>数据库地址未指明主机。</translation>
    </message>
    <message>
        <source>The host in the database address is not a valid name.</source>
        <translation>数据库地址中的主机名无效。</translation>
    </message>
    <message>
        <source>The port in the database address must be a number from 1 to 65535.</source>
        <translation>数据库地址中的端口必须是 1 至 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The database name in the address has a bad %-escape.</source>
        <translation>地址中的数据库名含有无效的 %-转义。</translation>
    </message>
    <message>
        <source>The database address has an option other than sslmode, the only one understood.</source>
        <translation>数据库地址含有 sslmode 以外的选项，而 sslmode 是唯一支持的选项。</translation>
    </message>
    <message>
        <source>sslmode in the database address must be one of %1.</source>
        <translation>数据库地址中的 sslmode 必须是以下之一：%1。</translation>
    </message>
</context>
<context>
    <name>ProjectRules</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 has left the company: the project goes to someone else.</source>
        <translation>%1 已离职：项目须交给其他人。</translation>
    </message>
    <message>
        <source>Give the project a title.</source>
        <translation>请为项目填写标题。</translation>
    </message>
    <message>
        <source>A project cannot be due before it starts.</source>
        <translation>项目的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The department chosen does not exist.</source>
        <translation>所选部门不存在。</translation>
    </message>
    <message>
        <source>The customer chosen does not exist.</source>
        <translation>所选客户不存在。</translation>
    </message>
    <message>
        <source>The project does not exist.</source>
        <translation>该项目不存在。</translation>
    </message>
    <message>
        <source>The dependencies would go round in a circle: %1.</source>
        <translation>依赖关系将形成循环：%1。</translation>
    </message>
    <message>
        <source>The dependencies would go round in a circle: %1 (%2 contains %3, and a summary task&apos;s dependencies hold for its subtasks too).</source>
        <translation>依赖关系将形成循环：%1（%2 包含 %3，而摘要任务的依赖同样适用于其子任务）。</translation>
    </message>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>%1 and %2 are not both in this project.</source>
        <translation>%1 和 %2 不在同一个项目中。</translation>
    </message>
    <message>
        <source>%1 cannot depend on itself.</source>
        <translation>%1 不能依赖自身。</translation>
    </message>
    <message>
        <source>%1 cannot depend on %2: %3 contains %4, so one could never end before the other starts.</source>
        <translation>%1 不能依赖 %2：%3 包含 %4，因此一方永远无法在另一方开始前结束。</translation>
    </message>
    <message>
        <source>%1 depends on %2 already.</source>
        <translation>%1 已依赖 %2。</translation>
    </message>
</context>
<context>
    <name>Projects</name>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>“%1” (%2) lies outside its summary task “%3” (%4).</source>
        <translation>“%1”（%2）超出了其摘要任务“%3”（%4）的范围。</translation>
    </message>
    <message>
        <source>“%1” (%2) would no longer contain its subtask “%3” (%4).</source>
        <translation>“%1”（%2）将不再包含其子任务“%3”（%4）。</translation>
    </message>
    <message>
        <source>“%1” has been given other dates since (%2): the change cannot be made again.</source>
        <translation>“%1”此后已被设置了其他日期（%2）：无法再次执行此更改。</translation>
    </message>
    <message>
        <source>“%1” has been given other dates since (%2): the change cannot be undone.</source>
        <translation>“%1”此后已被设置了其他日期（%2）：无法撤销此更改。</translation>
    </message>
    <message>
        <source>Give the task a start and an end.</source>
        <translation>请为任务设置开始和结束日期。</translation>
    </message>
    <message>
        <source>A task cannot be due before it starts.</source>
        <translation>任务的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>reading projects</source>
        <translation>读取项目</translation>
    </message>
    <message>
        <source>reading a project</source>
        <translation>读取项目</translation>
    </message>
    <message>
        <source>The project does not exist.</source>
        <translation>该项目不存在。</translation>
    </message>
    <message>
        <source>reading a project&apos;s tasks</source>
        <translation>读取项目任务</translation>
    </message>
    <message>
        <source>reading a project&apos;s dependencies</source>
        <translation>读取项目依赖</translation>
    </message>
    <message>
        <source>Give the project a title.</source>
        <translation>请为项目填写标题。</translation>
    </message>
    <message>
        <source>A project&apos;s title has at most 200 characters.</source>
        <translation>项目标题最多 200 个字符。</translation>
    </message>
    <message>
        <source>A project&apos;s code has at most 20 characters.</source>
        <translation>项目编号最多 20 个字符。</translation>
    </message>
    <message>
        <source>Choose who is responsible for the project.</source>
        <translation>请选择项目负责人。</translation>
    </message>
    <message>
        <source>Choose the project&apos;s department.</source>
        <translation>请选择项目所属部门。</translation>
    </message>
    <message>
        <source>A project cannot be due before it starts.</source>
        <translation>项目的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The department chosen does not exist.</source>
        <translation>所选部门不存在。</translation>
    </message>
    <message>
        <source>The customer chosen does not exist.</source>
        <translation>所选客户不存在。</translation>
    </message>
    <message>
        <source>Choose whose task it is.</source>
        <translation>请选择任务负责人。</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请为任务填写标题。</translation>
    </message>
    <message>
        <source>A task&apos;s title has at most 200 characters.</source>
        <translation>任务标题最多 200 个字符。</translation>
    </message>
    <message>
        <source>The summary task is not in this project.</source>
        <translation>该摘要任务不在此项目中。</translation>
    </message>
    <message>
        <source>“%1” is not in a project.</source>
        <translation>“%1”不属于任何项目。</translation>
    </message>
    <message>
        <source>The dependency does not exist.</source>
        <translation>该依赖不存在。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 has left the company: the project goes to someone else.</source>
        <translation>%1 已离职：项目须交给其他人。</translation>
    </message>
    <message>
        <source>%1 has left the company: their work goes to someone else.</source>
        <translation>%1 已离职：其工作须交给其他人。</translation>
    </message>
</context>
<context>
    <name>RecordIO</name>
    <message>
        <source>reading a %1 record</source>
        <translation>读取 %1 记录</translation>
    </message>
    <message>
        <source>saving a new %1 record</source>
        <translation>保存新的 %1 记录</translation>
    </message>
    <message>
        <source>saving a %1 record</source>
        <translation>保存 %1 记录</translation>
    </message>
    <message>
        <source>looking up a %1 record</source>
        <translation>查找 %1 记录</translation>
    </message>
    <message>
        <source>counting %1 records</source>
        <translation>统计 %1 记录数</translation>
    </message>
    <message>
        <source>looking up %1 records</source>
        <translation>查找多条 %1 记录</translation>
    </message>
    <message>
        <source>taking back a %1 record</source>
        <translation>撤回一条%1记录</translation>
    </message>
</context>
<context>
    <name>ReportRules</name>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>A report is written in one&apos;s own name.</source>
        <translation>汇报须以本人名义填写。</translation>
    </message>
    <message>
        <source>A weekly report starts on a Monday.</source>
        <translation>周报须从周一开始。</translation>
    </message>
    <message>
        <source>A report cannot be written for a period that has not begun.</source>
        <translation>不能为尚未开始的期间填写汇报。</translation>
    </message>
    <message>
        <source>Say what was done or what is planned.</source>
        <translation>请说明已完成的工作或计划的工作。</translation>
    </message>
    <message>
        <source>Your weekly report for the week of %1 is in already.</source>
        <translation>您 %1 当周的周报已提交。</translation>
    </message>
    <message>
        <source>Your daily report for %1 is in already.</source>
        <translation>您 %1 的日报已提交。</translation>
    </message>
    <message>
        <source>The report or task commented on does not exist.</source>
        <translation>所评论的汇报或任务不存在。</translation>
    </message>
    <message>
        <source>The report or task commented on is someone else&apos;s.</source>
        <translation>所评论的汇报或任务属于他人。</translation>
    </message>
    <message>
        <source>A comment is written in one&apos;s own name.</source>
        <translation>评论须以本人名义填写。</translation>
    </message>
    <message>
        <source>Only a person&apos;s supervisors and HR comment on their work.</source>
        <translation>只有本人的主管和人事部门可以评论其工作。</translation>
    </message>
    <message>
        <source>Write the comment.</source>
        <translation>请填写评论。</translation>
    </message>
    <message>
        <source>The warning handled is not one of the person named.</source>
        <translation>所处理的预警不属于指定人员。</translation>
    </message>
    <message>
        <source>A warning is acknowledged or resolved in one&apos;s own name.</source>
        <translation>预警须以本人名义确认知悉或处理完毕。</translation>
    </message>
    <message>
        <source>Say how the warning was resolved.</source>
        <translation>请说明预警是如何处理的。</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Weekly report, week of %1</source>
        <translation>周报，%1 当周</translation>
    </message>
    <message>
        <source>Daily report, %1</source>
        <translation>日报，%1</translation>
    </message>
    <message>
        <source>someone not on this computer</source>
        <translation>不在本计算机上的用户</translation>
    </message>
    <message>
        <source>Reports are written by employees, in their own name.</source>
        <translation>汇报由员工以本人名义填写。</translation>
    </message>
    <message>
        <source>Choose a daily or a weekly report.</source>
        <translation>请选择日报或周报。</translation>
    </message>
    <message>
        <source>Choose the day or the week the report is for.</source>
        <translation>请选择汇报对应的日期或周。</translation>
    </message>
    <message>
        <source>A report cannot be written for a period that has not begun.</source>
        <translation>不能为尚未开始的期间填写汇报。</translation>
    </message>
    <message>
        <source>Say what was done or what is planned.</source>
        <translation>请说明已完成的工作或计划的工作。</translation>
    </message>
    <message>
        <source>Each part of a report is at most %1 characters long.</source>
        <translation>汇报的每个部分最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Your weekly report for the week of %1 is in already.</source>
        <translation>您 %1 当周的周报已提交。</translation>
    </message>
    <message>
        <source>Your daily report for %1 is in already.</source>
        <translation>您 %1 的日报已提交。</translation>
    </message>
    <message>
        <source>Write the comment.</source>
        <translation>请填写评论。</translation>
    </message>
    <message>
        <source>A comment is at most %1 characters long.</source>
        <translation>评论最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Comments are made on reports and tasks.</source>
        <translation>评论只能针对汇报和任务。</translation>
    </message>
    <message>
        <source>The report does not exist.</source>
        <translation>该汇报不存在。</translation>
    </message>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>Comments are a supervisor&apos;s: you cannot comment on your own work.</source>
        <translation>评论由主管填写：您不能评论自己的工作。</translation>
    </message>
    <message>
        <source>Only %1&apos;s supervisors and HR comment on their work.</source>
        <translation>只有 %1 的主管和人事部门可以评论其工作。</translation>
    </message>
    <message>
        <source>reading reports</source>
        <translation>读取汇报</translation>
    </message>
    <message>
        <source>reading comments</source>
        <translation>读取评论</translation>
    </message>
</context>
<context>
    <name>RequestCommand</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Folder to write the evidence to.</source>
        <translation>写入证据材料的文件夹。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a request id.</source>
        <translation>“%1”不是申请 ID。</translation>
    </message>
    <message>
        <source>Give an existing database file with --database FILE.</source>
        <translation>请用 --database FILE 指定一个已存在的数据库文件。</translation>
    </message>
    <message>
        <source>Give the folder to write to with --out DIR.</source>
        <translation>请用 --out DIR 指定要写入的文件夹。</translation>
    </message>
    <message>
        <source>Usage: baton-cli verify request ID --database FILE|URL</source>
        <translation>用法：baton-cli verify request ID --database FILE|URL</translation>
    </message>
    <message>
        <source>Request &quot;%1&quot; (%2)</source>
        <translation>申请“%1”（%2）</translation>
    </message>
    <message>
        <source>  round %1, %2: %3 by %4</source>
        <translation>  第 %1 轮，%2：%3，审批人 %4</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>    signature: %1</source>
        <translation>    签名：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>    signed content matches the records: %1</source>
        <translation>    签名内容与记录相符：%1</translation>
    </message>
    <message>
        <source>    trusted time: %1 (%2); signer&apos;s clock: %3</source>
        <translation>    可信时间：%1（%2）；签名人时钟：%3</translation>
    </message>
    <message>
        <source>    trusted time: not yet (it is added when the decision reaches the server); signer&apos;s clock: %1</source>
        <translation>    可信时间：暂无（审批决定到达服务器时添加）；签名人时钟：%1</translation>
    </message>
    <message>
        <source>  audit entries of every change: %1</source>
        <translation>  每项更改的审计记录：%1</translation>
    </message>
    <message>
        <source>  audit chain: %1</source>
        <translation>  审计哈希链：%1</translation>
    </message>
    <message>
        <source>BROKEN</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>VERIFIED</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>Usage: baton-cli export request ID --out DIR --database FILE|URL</source>
        <translation>用法：baton-cli export request ID --out DIR --database FILE|URL</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write the evidence to %1.</source>
        <translation>无法将证据材料写入 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n signed decision(s) of &quot;%1&quot; to %2.</source>
        <translation>
            <numerusform>已将“%1”的 %n 项已签名审批决定写入 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestProgress</name>
    <message>
        <source>In progress</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Returned for more information</source>
        <translation>已退回补充信息</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ReviewCycles</name>
    <message>
        <source>Q%1 %2</source>
        <translation>%2 年第 %1 季度</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a month&apos;s review cycle: month name, year</comment>
        <translation>%2 年%1</translation>
    </message>
    <message>
        <source>Choose whether the cycle is a month, a quarter or a year.</source>
        <translation>请选择周期为月、季度还是年。</translation>
    </message>
    <message>
        <source>Give the review cycle a title.</source>
        <translation>请为考核周期填写标题。</translation>
    </message>
    <message>
        <source>Give the review cycle its first and last day.</source>
        <translation>请设置考核周期的第一天和最后一天。</translation>
    </message>
    <message>
        <source>A review cycle cannot end before it begins.</source>
        <translation>考核周期的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed already.</source>
        <translation>考核周期“%1”已关闭。</translation>
    </message>
</context>
<context>
    <name>ReviewFormat</name>
    <message>
        <source>Cause not stated</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Stated: %1</source>
        <translation>已说明：%1</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>signature not valid</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>Confirmed: %1 (%2)</source>
        <translation>已确认：%1（%2）</translation>
    </message>
    <message>
        <source>Corrected: %1 (%2)</source>
        <translation>已更正：%1（%2）</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The issue does not exist.</source>
        <translation>该问题不存在。</translation>
    </message>
    <message>
        <source>A cause is stated or confirmed in one&apos;s own name.</source>
        <translation>原因须以本人名义说明或确认。</translation>
    </message>
    <message>
        <source>Only the employee states the cause of an issue in their own work.</source>
        <translation>只有员工本人能说明其工作中问题的原因。</translation>
    </message>
    <message>
        <source>The cause of this issue has been stated already.</source>
        <translation>此问题的原因已说明。</translation>
    </message>
    <message>
        <source>Say briefly what caused it.</source>
        <translation>请简要说明原因。</translation>
    </message>
    <message>
        <source>The employee&apos;s statement is not a signed decision.</source>
        <translation>员工的陈述不是已签名的决定。</translation>
    </message>
    <message>
        <source>A supervisor confirms or corrects the cause the employee has stated; none has been yet.</source>
        <translation>主管负责确认或更正员工所说明的原因；员工尚未说明原因。</translation>
    </message>
    <message>
        <source>The cause of this issue has been confirmed or corrected already.</source>
        <translation>此问题的原因已被确认或更正。</translation>
    </message>
    <message>
        <source>Only the employee&apos;s supervisors or HR confirm or correct the cause.</source>
        <translation>只有员工的主管或人事部门能确认或更正原因。</translation>
    </message>
    <message>
        <source>A confirmation keeps the cause stated; name another cause by correcting it.</source>
        <translation>确认即保留所说明的原因；如需指定其他原因，请进行更正。</translation>
    </message>
    <message>
        <source>A correction names another cause than the one stated.</source>
        <translation>更正须指定与所说明原因不同的原因。</translation>
    </message>
    <message>
        <source>A supervisor&apos;s decision on the cause is signed.</source>
        <translation>主管对原因的决定须签名。</translation>
    </message>
    <message>
        <source>The signed content does not match the attribution.</source>
        <translation>签名内容与归因不符。</translation>
    </message>
    <message>
        <source>The decision is signed with %1&apos;s certificate, not with the supervisor&apos;s.</source>
        <translation>该决定使用的是 %1 的证书签名，而非主管的证书。</translation>
    </message>
    <message>
        <source>A feedback request is not changed; withdraw it and ask again.</source>
        <translation>反馈请求不可更改；请撤回后重新邀请。</translation>
    </message>
    <message>
        <source>This request has been answered; it stays on file.</source>
        <translation>此请求已有回复，将保留存档。</translation>
    </message>
    <message>
        <source>Feedback is asked for in one&apos;s own name.</source>
        <translation>反馈须以本人名义邀请。</translation>
    </message>
    <message>
        <source>%1 cannot give 360 feedback on themselves.</source>
        <translation>%1 不能为自己提供 360 度反馈。</translation>
    </message>
    <message>
        <source>Choose the customer asked.</source>
        <translation>请选择被邀请的客户。</translation>
    </message>
    <message>
        <source>A customer&apos;s answer is entered by the customer&apos;s account owner; %1 does not look after %2.</source>
        <translation>客户的回答由该客户的客户负责人录入；%1 不负责 %2。</translation>
    </message>
    <message>
        <source>Only a customer&apos;s request names a customer.</source>
        <translation>只有客户类邀请才需指定客户。</translation>
    </message>
    <message>
        <source>%1 is not among %2&apos;s supervisors; ask them as a peer.</source>
        <translation>%1 不是 %2 的主管之一；请以同事身份邀请。</translation>
    </message>
    <message>
        <source>%1 does not report to %2; ask them as a peer.</source>
        <translation>%1 不向 %2 汇报；请以同事身份邀请。</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s supervisor; ask them as the manager.</source>
        <translation>%1 是 %2 的主管；请以主管身份邀请。</translation>
    </message>
    <message>
        <source>%1 reports to %2; ask them as someone reporting to them.</source>
        <translation>%1 向 %2 汇报；请以下属身份邀请。</translation>
    </message>
    <message>
        <source>%1 has been asked about %2 in this cycle already.</source>
        <translation>本周期内已就 %2 邀请过 %1。</translation>
    </message>
    <message>
        <source>This customer has been asked about %1 in this cycle already.</source>
        <translation>本周期内已就 %1 邀请过该客户。</translation>
    </message>
    <message>
        <source>The feedback request does not exist.</source>
        <translation>该反馈邀请不存在。</translation>
    </message>
    <message>
        <source>Only the person asked answers a feedback request, in their own name.</source>
        <translation>反馈邀请只能由被邀请人本人以自己的名义回答。</translation>
    </message>
    <message>
        <source>This request has been answered.</source>
        <translation>该邀请已回答。</translation>
    </message>
    <message>
        <source>Attach the customer&apos;s own message: their answer is entered on their behalf.</source>
        <translation>请附上客户本人的消息：其回答由他人代为录入。</translation>
    </message>
    <message>
        <source>Only a customer&apos;s answer carries the customer&apos;s message.</source>
        <translation>只有客户的回答才附带客户的消息。</translation>
    </message>
    <message>
        <source>A file&apos;s hash is 64 lower-case hexadecimal digits.</source>
        <translation>文件哈希值为 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>The scores are not in Baton&apos;s form.</source>
        <translation>得分不符合 Baton 的格式。</translation>
    </message>
    <message>
        <source>Score at least one dimension.</source>
        <translation>请至少为一个维度打分。</translation>
    </message>
    <message>
        <source>“%1” is not a dimension of the feedback form.</source>
        <translation>“%1”不是该反馈表的维度。</translation>
    </message>
    <message>
        <source>The score for “%1” must be a whole number from %2 to %3.</source>
        <translation>“%1”的得分必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>A score of %1 for “%2” is outside its range of %3 to %4.</source>
        <translation>“%2”的得分 %1 超出其范围 %3 到 %4。</translation>
    </message>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 has left the company.</source>
        <translation>%1 已离职。</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: what was recorded in it is final.</source>
        <translation>考核周期“%1”已关闭：其中的记录均为最终结果。</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Reports to them</source>
        <translation>下属</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Delivery late</source>
        <translation>交付延迟</translation>
    </message>
    <message>
        <source>Document missing</source>
        <translation>文档缺失</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Stated by the employee</source>
        <translation>员工陈述</translation>
    </message>
    <message>
        <source>Confirmed by the supervisor</source>
        <translation>主管已确认</translation>
    </message>
    <message>
        <source>Corrected by the supervisor</source>
        <translation>主管已更正</translation>
    </message>
    <message>
        <source>Ability</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Bonus adjustment</source>
        <translation>奖金调整</translation>
    </message>
    <message>
        <source>No promotion</source>
        <translation>不予晋升</translation>
    </message>
    <message>
        <source>%1 must be from 0% to %2.</source>
        <translation>%1 必须在 0% 到 %2 之间。</translation>
    </message>
    <message>
        <source>%1 has a review in this cycle already.</source>
        <translation>%1 在本周期内已有考核。</translation>
    </message>
    <message>
        <source>The indicator score</source>
        <translation>指标得分</translation>
    </message>
    <message>
        <source>The feedback score</source>
        <translation>反馈得分</translation>
    </message>
    <message>
        <source>The manager&apos;s rating</source>
        <translation>主管评分</translation>
    </message>
    <message>
        <source>The score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>A rating is given in one&apos;s own name.</source>
        <translation>评分须以本人名义给出。</translation>
    </message>
    <message>
        <source>Nobody rates their own review.</source>
        <translation>任何人不得为自己的考核评分。</translation>
    </message>
    <message>
        <source>A review without a score has no grade.</source>
        <translation>没有得分的考核没有等级。</translation>
    </message>
    <message>
        <source>A score of %1 is graded “%2” on the company&apos;s scale, not “%3”.</source>
        <translation>按公司的等级标准，得分 %1 的等级为“%2”，而不是“%3”。</translation>
    </message>
    <message>
        <source>An issue is recorded in one&apos;s own name.</source>
        <translation>问题须以本人名义记录。</translation>
    </message>
    <message>
        <source>Issues in one&apos;s own work are recorded by a supervisor or HR.</source>
        <translation>本人工作中的问题由主管或人事记录。</translation>
    </message>
    <message>
        <source>The issue happened on %1, outside the cycle “%2”.</source>
        <translation>该问题发生于 %1，不在周期“%2”之内。</translation>
    </message>
    <message>
        <source>The %1 named does not exist.</source>
        <translation>指定的%1不存在。</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>An award is given in one&apos;s own name.</source>
        <translation>奖惩须以本人名义给出。</translation>
    </message>
    <message>
        <source>A bonus adjustment is between -100% and +100%, and not 0.</source>
        <translation>奖金调整须在 -100% 到 +100% 之间，且不能为 0。</translation>
    </message>
    <message>
        <source>Only a bonus adjustment has an amount.</source>
        <translation>只有奖金调整才有金额。</translation>
    </message>
    <message>
        <source>Name the title.</source>
        <translation>请填写称号名称。</translation>
    </message>
    <message>
        <source>Name the training.</source>
        <translation>请填写培训名称。</translation>
    </message>
</context>
<context>
    <name>ReviewSettings</name>
    <message>
        <source>The performance setting “%1” cannot be used: %2</source>
        <translation>绩效设置“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>a bonus adjustment needs bonus_bp, a whole number from -10000 to 10000.</source>
        <translation>奖金调整需要 bonus_bp，取值为 -10000 到 10000 之间的整数。</translation>
    </message>
    <message>
        <source>“%1” is not an effect; use title, training, bonus or no_promotion.</source>
        <translation>“%1”不是有效的效果；请使用 title、training、bonus 或 no_promotion。</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任心</translation>
    </message>
    <message>
        <source>Collaboration</source>
        <translation>协作</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>the anonymity threshold must be a whole number of 2 or more.</source>
        <translation>匿名阈值必须是不小于 2 的整数。</translation>
    </message>
    <message>
        <source>every dimension needs a key.</source>
        <translation>每个维度都需要一个 key。</translation>
    </message>
    <message>
        <source>the dimension “%1” appears twice.</source>
        <translation>维度“%1”出现了两次。</translation>
    </message>
    <message>
        <source>the dimension “%1” needs whole-number min and max, the min below the max.</source>
        <translation>维度“%1”需要整数的 min 和 max，且 min 小于 max。</translation>
    </message>
    <message>
        <source>it lists no dimensions.</source>
        <translation>未列出任何维度。</translation>
    </message>
    <message>
        <source>every grade needs min_bp, a whole number of basis points.</source>
        <translation>每个等级都需要 min_bp，取值为以基点计的整数。</translation>
    </message>
    <message>
        <source>indicators_bp, feedback_bp and manager_bp must be whole numbers of 0 or more.</source>
        <translation>indicators_bp、feedback_bp 和 manager_bp 必须是不小于 0 的整数。</translation>
    </message>
    <message>
        <source>the weights add up to %1, not 100%.</source>
        <translation>权重合计为 %1，而不是 100%。</translation>
    </message>
    <message>
        <source>Responsibility model</source>
        <translation>责任心榜样</translation>
    </message>
    <message>
        <source>Responsibility training</source>
        <translation>责任心培训</translation>
    </message>
    <message>
        <source>a streak counts months or quarters, not “%1”.</source>
        <translation>连续次数按月或季度计算，而不是“%1”。</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>交付延迟</translation>
    </message>
    <message>
        <source>Missing documents</source>
        <translation>文档缺失</translation>
    </message>
    <message>
        <source>Repeated quality problems</source>
        <translation>质量问题反复出现</translation>
    </message>
    <message>
        <source>a consequence is triggered by an issue or an indicator, not “%1”.</source>
        <translation>奖惩后果由问题或指标触发，而不是“%1”。</translation>
    </message>
    <message>
        <source>the rule “%1” needs an effect, a JSON object with a kind.</source>
        <translation>规则“%1”需要一个效果，即带有 kind 的 JSON 对象。</translation>
    </message>
    <message>
        <source>the effect of “%1” has a key “%2” it does not use; its keys are %3.</source>
        <translation>“%1”的效果包含未使用的键“%2”；可用的键为 %3。</translation>
    </message>
    <message>
        <source>the effect of “%1” is %2, which takes no bonus_bp.</source>
        <translation>“%1”的效果为 %2，不接受 bonus_bp。</translation>
    </message>
    <message>
        <source>every streak is a JSON object, not %1.</source>
        <translation>每条连续规则都应是 JSON 对象，而不是 %1。</translation>
    </message>
    <message>
        <source>the streak “%1” has a key “%2” it does not use; its keys are %3.</source>
        <translation>连续规则“%1”包含未使用的键“%2”；可用的键为 %3。</translation>
    </message>
    <message>
        <source>the streak “%1” has the bound “%2”; use at_least or at_most.</source>
        <translation>连续规则“%1”的界限为“%2”；请使用 at_least 或 at_most。</translation>
    </message>
    <message>
        <source>the streak “%1” needs consecutive, a whole number from 1 to %2, not %3.</source>
        <translation>连续规则“%1”需要 consecutive，应为 1 到 %2 之间的整数，而不是 %3。</translation>
    </message>
    <message>
        <source>every consequence is a JSON object, not %1.</source>
        <translation>每条后果都应是 JSON 对象，而不是 %1。</translation>
    </message>
    <message>
        <source>the consequence “%1” has a key “%2” it does not use; its keys are %3.</source>
        <translation>后果“%1”包含未使用的键“%2”；可用的键为 %3。</translation>
    </message>
    <message>
        <source>the consequence “%1” needs issue_category, one of %2.</source>
        <translation>后果“%1”需要 issue_category，取值为 %2 之一。</translation>
    </message>
    <message>
        <source>the consequence “%1” counts issues of the category “%2”; the categories are %3.</source>
        <translation>后果“%1”统计的是类别为“%2”的问题；可用的类别为 %3。</translation>
    </message>
    <message>
        <source>the consequence “%1” needs times, a whole number from 1 to %2, not %3.</source>
        <translation>后果“%1”需要 times，应为 1 到 %2 之间的整数，而不是 %3。</translation>
    </message>
    <message>
        <source>the consequence “%1” needs below_bp, a whole number from 1 to %2, not %3.</source>
        <translation>后果“%1”需要 below_bp，应为 1 到 %2 之间的整数，而不是 %3。</translation>
    </message>
    <message>
        <source>the reward rules are a JSON object with streaks, consequences and max_bonus_bp, not %1.</source>
        <translation>奖惩规则应是包含 streaks、consequences 和 max_bonus_bp 的 JSON 对象，而不是 %1。</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>“%1” is not one of the reward rules; they are %2.</source>
        <translation>“%1”不属于奖惩规则；奖惩规则包括 %2。</translation>
    </message>
    <message>
        <source>%1 is a JSON array of rules, not %2.</source>
        <translation>%1 应是由规则组成的 JSON 数组，而不是 %2。</translation>
    </message>
    <message>
        <source>max_bonus_bp must be a whole number from 0 to 10000, not %1.</source>
        <translation>max_bonus_bp 必须是 0 到 10000 之间的整数，而不是 %1。</translation>
    </message>
    <message>
        <source>the feedback form is a list of dimensions, or an object with dimensions and anonymity_threshold.</source>
        <translation>反馈表应是维度列表，或包含 dimensions 和 anonymity_threshold 的对象。</translation>
    </message>
    <message>
        <source>“%1” is not part of the feedback form; it has %2.</source>
        <translation>“%1”不属于反馈表；反馈表包括 %2。</translation>
    </message>
    <message>
        <source>each dimension is an object with %1, not %2.</source>
        <translation>每个维度应是包含 %1 的对象，而不是 %2。</translation>
    </message>
    <message>
        <source>“%1” is not a field of a dimension; they are %2.</source>
        <translation>“%1”不是维度的字段；维度的字段为 %2。</translation>
    </message>
    <message>
        <source>the grade scale is a list of grades, or an object with grades.</source>
        <translation>等级标准应是等级列表，或包含 grades 的对象。</translation>
    </message>
    <message>
        <source>“%1” is not part of the grade scale; it has grades.</source>
        <translation>“%1”不属于等级标准；等级标准只包括 grades。</translation>
    </message>
    <message>
        <source>each grade is an object with %1, not %2.</source>
        <translation>每个等级应是包含 %1 的对象，而不是 %2。</translation>
    </message>
    <message>
        <source>“%1” is not a field of a grade; they are %2.</source>
        <translation>“%1”不是等级的字段；等级的字段为 %2。</translation>
    </message>
    <message>
        <source>the review weights are a JSON object with %1, not %2.</source>
        <translation>考核权重应是包含 %1 的 JSON 对象，而不是 %2。</translation>
    </message>
    <message>
        <source>“%1” is not one of the review weights; they are %2.</source>
        <translation>“%1”不属于考核权重；考核权重包括 %2。</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>reading reviews</source>
        <translation>读取考核</translation>
    </message>
    <message>
        <source>The rating is a percentage from 0 to 100.</source>
        <translation>评分是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>A rating is given in one&apos;s own name.</source>
        <translation>评分须以本人名义给出。</translation>
    </message>
    <message>
        <source>Nobody rates their own review.</source>
        <translation>任何人不得为自己的考核评分。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: what was recorded in it is final.</source>
        <translation>考核周期“%1”已关闭：其中的记录均为最终结果。</translation>
    </message>
    <message>
        <source>reading review cycles</source>
        <translation>读取考核周期</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
</context>
<context>
    <name>RewardRules</name>
    <message>
        <source>“%1” or better</source>
        <translation>“%1”及以上</translation>
    </message>
    <message>
        <source>“%1” or worse</source>
        <translation>“%1”及以下</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Name every reward rule.</source>
        <translation>请为每条奖励规则填写名称。</translation>
    </message>
    <message>
        <source>The rule “%1” names the grade “%2”, which is not on the grade scale.</source>
        <translation>规则“%1”指定的等级“%2”不在等级标准中。</translation>
    </message>
    <message>
        <source>The rule “%1” must count at least one cycle.</source>
        <translation>规则“%1”必须至少统计一个考核周期。</translation>
    </message>
    <message>
        <source>Rule “%1”: %2</source>
        <translation>规则“%1”：%2</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <comment>year-month</comment>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>%1 Q%2</source>
        <comment>year and quarter</comment>
        <translation>%1年第%2季度</translation>
    </message>
    <message>
        <source>A review cycle must be a month (1 to 12) or a quarter (1 to 4) of a year.</source>
        <translation>考核周期必须是某一年中的一个月（1 至 12）或一个季度（1 至 4）。</translation>
    </message>
    <message>
        <source>The grade “%1” of %2 is not on the grade scale.</source>
        <translation>%2 的等级“%1”不在等级标准中。</translation>
    </message>
    <message>
        <source>%1 was graded twice; a cycle has one grade.</source>
        <translation>%1 被评定了两次等级；每个考核周期只能有一个等级。</translation>
    </message>
    <message>
        <source>%1 in %2: %3.</source>
        <translation>%2 获评%1：%3。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation>人事专员</translation>
    </message>
    <message>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>Department manager</source>
        <translation>部门经理</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>view employee archives</source>
        <translation>查看员工档案</translation>
    </message>
    <message>
        <source>add employees</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>change employee archives</source>
        <translation>修改员工档案</translation>
    </message>
    <message>
        <source>change contact details</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>retire employee records</source>
        <translation>归档员工档案</translation>
    </message>
    <message>
        <source>manage departments and positions</source>
        <translation>管理部门和岗位</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <source>change passwords</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>grant roles</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>verify the audit trail</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>see accounts</source>
        <translation>查看账号</translation>
    </message>
    <message>
        <source>see customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>keep customers</source>
        <translation>负责客户</translation>
    </message>
    <message>
        <source>edit workflow templates</source>
        <translation>编辑流程模板</translation>
    </message>
    <message>
        <source>see approval requests</source>
        <translation>查看审批申请</translation>
    </message>
    <message>
        <source>submit approval requests</source>
        <translation>提交审批申请</translation>
    </message>
    <message>
        <source>decide approval steps</source>
        <translation>处理审批环节</translation>
    </message>
    <message>
        <source>move approval steps to someone else</source>
        <translation>转交审批环节</translation>
    </message>
    <message>
        <source>mark expense claims paid</source>
        <translation>将报销单标记为已付款</translation>
    </message>
    <message>
        <source>see duties, tasks and work trails</source>
        <translation>查看职责、任务和工作轨迹</translation>
    </message>
    <message>
        <source>assign duties and tasks</source>
        <translation>分配职责和任务</translation>
    </message>
    <message>
        <source>report progress on tasks</source>
        <translation>汇报任务进度</translation>
    </message>
    <message>
        <source>add to work trails</source>
        <translation>添加工作轨迹记录</translation>
    </message>
    <message>
        <source>see handover cases</source>
        <translation>查看工作交接</translation>
    </message>
    <message>
        <source>start and manage handovers</source>
        <translation>发起和管理工作交接</translation>
    </message>
    <message>
        <source>plan projects</source>
        <translation>规划项目</translation>
    </message>
    <message>
        <source>see goals, reviews and awards</source>
        <translation>查看目标、考核和奖惩</translation>
    </message>
    <message>
        <source>set goals and run reviews</source>
        <translation>设定目标并开展考核</translation>
    </message>
    <message>
        <source>configure review cycles, scales and rules</source>
        <translation>配置考核周期、等级标准和规则</translation>
    </message>
    <message>
        <source>record indicator values</source>
        <translation>录入指标值</translation>
    </message>
    <message>
        <source>write daily and weekly reports</source>
        <translation>撰写日报和周报</translation>
    </message>
    <message>
        <source>comment on reports and tasks</source>
        <translation>评论汇报和任务</translation>
    </message>
    <message>
        <source>acknowledge and resolve warnings</source>
        <translation>确认知悉并处理预警</translation>
    </message>
    <message>
        <source>answer feedback requests</source>
        <translation>回答反馈邀请</translation>
    </message>
    <message>
        <source>state the cause of a miss</source>
        <translation>陈述未达成的原因</translation>
    </message>
    <message>
        <source>confirm the cause of a miss</source>
        <translation>确认未达成的原因</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>Tasks cannot be subtasks of each other: %1.</source>
        <translation>任务之间不能互为子任务：%1。</translation>
    </message>
    <message>
        <source>The dependencies go round in a circle: %1.</source>
        <translation>依赖关系形成了循环：%1。</translation>
    </message>
    <message>
        <source>The dependencies go round in a circle: %1 (“%2” contains “%3”, and a summary task&apos;s dependencies hold for its subtasks too).</source>
        <translation>依赖关系形成了循环：%1（“%2”包含“%3”，而汇总任务的依赖同样适用于其子任务）。</translation>
    </message>
    <message>
        <source>The task “%1” has no id.</source>
        <translation>任务“%1”没有 ID。</translation>
    </message>
    <message>
        <source>Two tasks have the same id (%1).</source>
        <translation>有两个任务的 ID 相同（%1）。</translation>
    </message>
    <message>
        <source>Give “%1” a start and an end.</source>
        <translation>请为“%1”设置开始日期和结束日期。</translation>
    </message>
    <message>
        <source>“%1” ends on %2, before it starts on %3.</source>
        <translation>“%1”的结束日期（%2）早于开始日期（%3）。</translation>
    </message>
    <message>
        <source>The progress of “%1” must be between 0 and 100%.</source>
        <translation>“%1”的进度必须在 0 至 100% 之间。</translation>
    </message>
    <message>
        <source>The summary task of “%1” is not in the plan.</source>
        <translation>“%1”的汇总任务不在计划中。</translation>
    </message>
    <message>
        <source>“%1” (%2 to %3) lies outside its summary task “%4” (%5 to %6).</source>
        <translation>“%1”（%2 至 %3）超出了其汇总任务“%4”的时间范围（%5 至 %6）。</translation>
    </message>
    <message>
        <source>A dependency names a task that is not in the plan (%1).</source>
        <translation>某项依赖指向的任务不在计划中（%1）。</translation>
    </message>
    <message>
        <source>“%1” cannot depend on itself.</source>
        <translation>“%1”不能依赖自身。</translation>
    </message>
    <message>
        <source>“%1” cannot depend on “%2”: “%3” contains “%4”, so one could never end before the other starts.</source>
        <translation>“%1”不能依赖“%2”：“%3”包含“%4”，因此其中一个永远无法在另一个开始之前结束。</translation>
    </message>
    <message>
        <source>The task to move is not in the plan.</source>
        <translation>要移动的任务不在计划中。</translation>
    </message>
    <message>
        <source>“%1” would end on %2, before it starts on %3.</source>
        <translation>这样“%1”的结束日期（%2）将早于开始日期（%3）。</translation>
    </message>
    <message>
        <source>“%1” would no longer contain its subtask “%2” (%3 to %4).</source>
        <translation>这样“%1”将无法再涵盖其子任务“%2”（%3 至 %4）。</translation>
    </message>
    <message>
        <source>“%1” cannot start before %2: it depends on “%3”, which ends on %4.</source>
        <translation>“%1”不能早于 %2 开始：其依赖的任务“%3”于 %4 结束。</translation>
    </message>
    <message>
        <source>“%1” cannot start before %2: its summary task “%3” depends on “%4”, which ends on %5.</source>
        <translation>“%1”不能早于 %2 开始：其汇总任务“%3”依赖于“%4”，而“%4”于 %5 结束。</translation>
    </message>
</context>
<context>
    <name>ServerAuthority</name>
    <message>
        <source>The server&apos;s stored %1 is damaged.</source>
        <translation>服务器保存的 %1 已损坏。</translation>
    </message>
</context>
<context>
    <name>ServerEvidence</name>
    <message>
        <source>The server cannot be reached (%1): connect to the server to seal the bundle, then export again.</source>
        <translation>无法连接服务器（%1）：请连接服务器以封存证据包，然后重新导出。</translation>
    </message>
    <message>
        <source>The session with the server has ended: sign in to the server again, then export.</source>
        <translation>与服务器的会话已结束：请重新登录服务器，然后再导出。</translation>
    </message>
    <message>
        <source>This database syncs for another account; sign in as that account.</source>
        <translation>此数据库以另一个账号同步；请以该账号登录。</translation>
    </message>
    <message>
        <source>The server signs its log with a different key than the one this device pinned.</source>
        <translation>服务器签署日志所用的密钥与本设备固定的密钥不同。</translation>
    </message>
    <message>
        <source>The server answered with no certificate authority.</source>
        <translation>服务器的响应中没有证书颁发机构。</translation>
    </message>
    <message>
        <source>Sync with the server is stopped (%1): its log cannot vouch for the records until the administrator has looked into it.</source>
        <translation>与服务器的同步已停止（%1）：在系统管理员查明情况之前，服务器日志无法为这些记录提供证明。</translation>
    </message>
    <message>
        <source>This device has not synced with the server yet: sync, then export the dossier.</source>
        <translation>本设备尚未与服务器同步：请先同步，然后再导出责任档案。</translation>
    </message>
    <message>
        <source>This device has changes to it that the server has not confirmed yet: sync with the server, then export again.</source>
        <translation>本设备上有服务器尚未确认的更改：请与服务器同步，然后重新导出。</translation>
    </message>
    <message>
        <source>The server does not show this account the %1 %2, so it cannot prove it: export the dossier as someone who may see all of it.</source>
        <translation>服务器不向此账号显示 %1 %2，因此无法证明该记录：请以有权查看全部内容的人员身份导出责任档案。</translation>
    </message>
    <message>
        <source>The server answered with another record&apos;s history.</source>
        <translation>服务器返回的是另一条记录的历史。</translation>
    </message>
    <message>
        <source>The server&apos;s proof of entry %1 does not match the checkpoint this device checked: the server&apos;s data was altered.</source>
        <translation>服务器对第 %1 条记录的证明与本设备校验过的检查点不符：服务器数据已被篡改。</translation>
    </message>
    <message>
        <source>The server promised more of a record&apos;s history and sent none.</source>
        <translation>服务器表示还有更多记录历史，却未发送任何内容。</translation>
    </message>
</context>
<context>
    <name>ServerLog</name>
    <message>
        <source>taking the log lock</source>
        <translation>获取日志锁</translation>
    </message>
    <message>
        <source>appending to the server log</source>
        <translation>追加到服务器日志</translation>
    </message>
    <message>
        <source>reading the server log</source>
        <translation>读取服务器日志</translation>
    </message>
    <message>
        <source>The server log is missing the node %1/%2.</source>
        <translation>服务器日志缺少节点 %1/%2。</translation>
    </message>
</context>
<context>
    <name>ServerSessions</name>
    <message>
        <source>opening a session</source>
        <translation>开启会话</translation>
    </message>
    <message>
        <source>Sign in first: the request carries no valid session token.</source>
        <translation>请先登录：请求未携带有效的会话令牌。</translation>
    </message>
    <message>
        <source>checking a session</source>
        <translation>检查会话</translation>
    </message>
    <message>
        <source>This session has been ended. Sign in again.</source>
        <translation>此会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>This session has expired. Sign in again.</source>
        <translation>此会话已过期，请重新登录。</translation>
    </message>
    <message>
        <source>ending a session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>ending sessions</source>
        <translation>结束多个会话</translation>
    </message>
    <message>
        <source>checking sessions</source>
        <translation>检查会话</translation>
    </message>
</context>
<context>
    <name>SigningKey</name>
    <message>
        <source>A signing key could not be made.</source>
        <translation>无法生成签名密钥。</translation>
    </message>
    <message>
        <source>The signing key could not be unlocked: the password is wrong or the key file is damaged.</source>
        <translation>无法解锁签名密钥：密码错误或密钥文件已损坏。</translation>
    </message>
    <message>
        <source>The signing key is not an ECDSA P-256 key.</source>
        <translation>该签名密钥不是 ECDSA P-256 密钥。</translation>
    </message>
    <message>
        <source>The signing key could not be saved.</source>
        <translation>无法保存签名密钥。</translation>
    </message>
    <message>
        <source>A signing key is only saved under a password.</source>
        <translation>签名密钥只能在设置密码后保存。</translation>
    </message>
    <message>
        <source>The stored key is damaged or not an ECDSA P-256 key.</source>
        <translation>保存的密钥已损坏，或不是 ECDSA P-256 密钥。</translation>
    </message>
</context>
<context>
    <name>SigningKeys</name>
    <message>
        <source>reading this device&apos;s signing key</source>
        <translation>读取本设备的签名密钥</translation>
    </message>
    <message>
        <source>saving this device&apos;s signing key</source>
        <translation>保存本设备的签名密钥</translation>
    </message>
    <message>
        <source>saving a signing certificate</source>
        <translation>保存签名证书</translation>
    </message>
    <message>
        <source>This device has no signing key for you yet. Sign out and in again to make one.</source>
        <translation>本设备上还没有您的签名密钥。请退出登录后重新登录以生成密钥。</translation>
    </message>
    <message>
        <source>Your signing key on this device has no certificate yet. Connect to the server once (Sync now) and sign again.</source>
        <translation>您在本设备上的签名密钥尚无证书。请连接一次服务器（立即同步）后再重新签名。</translation>
    </message>
</context>
<context>
    <name>SyncAlerts</name>
    <message>
        <source>Sync stopped: the server&apos;s history does not add up</source>
        <translation>同步已停止：服务器的历史记录对不上</translation>
    </message>
    <message>
        <source>The server showed this device a change log that does not extend the one it showed before. Its database may have been edited, or restored from an old backup, or this is not your organisation&apos;s server. Baton has stopped syncing so that nothing is lost or overwritten.

Keep working if you need to: your changes stay on this computer. Do not delete or replace this database; it is evidence.

Call your Baton administrator (or IT security) now and tell them this message. Sync stays stopped on this device until they have looked into it.</source>
        <translation>服务器向本设备展示的变更日志并不是此前所展示日志的延续。服务器数据库可能被修改过，或从旧备份恢复过，或者这不是贵单位的服务器。为避免任何数据丢失或被覆盖，Baton 已停止同步。

如有需要可继续工作：您的更改保存在这台电脑上。请勿删除或替换此数据库，它是证据。

请立即联系 Baton 系统管理员（或 IT 安全部门），并告知此消息内容。在他们查明原因之前，本设备将一直停止同步。</translation>
    </message>
    <message>
        <source>I Will Call</source>
        <translation>我会联系</translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed</source>
        <translation>服务器证书已更改</translation>
    </message>
    <message>
        <source>The server %1 now shows a different certificate than the one this device trusted.</source>
        <translation>服务器 %1 现在出示的证书与本设备此前信任的证书不同。</translation>
    </message>
    <message>
        <source>This is expected when the administrator renewed it. It is also what an attacker between you and the server would cause. Trust the new certificate only if your administrator confirms its fingerprint:

%1

Until you decide, sync is paused.</source>
        <translation>如果系统管理员更新了证书，这是正常的；但位于您和服务器之间的攻击者也会造成同样的情况。只有在系统管理员确认以下指纹后才信任新证书：

%1

在您作出决定之前，同步将暂停。</translation>
    </message>
    <message>
        <source>Trusted until now (SHA-256):
%1

Shown now (SHA-256):
%2</source>
        <translation>此前信任的证书（SHA-256）：
%1

现在出示的证书（SHA-256）：
%2</translation>
    </message>
    <message>
        <source>Trust New Certificate</source>
        <translation>信任新证书</translation>
    </message>
    <message>
        <source>Do Not Trust</source>
        <translation>不信任</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as https://baton.example:8443.</source>
        <translation>“%1”不是服务器地址，应类似 https://baton.example:8443。</translation>
    </message>
    <message>
        <source>The server, e.g. https://baton.example:8443.</source>
        <translation>服务器，例如 https://baton.example:8443。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The account to sync as.</source>
        <translation>用于同步的账号。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A file whose first line is the account&apos;s password.</source>
        <translation>第一行为该账号密码的文件。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Usage: baton-cli sync --database FILE --server URL --user NAME --password-file F</source>
        <translation>用法：baton-cli sync --database FILE --server URL --user NAME --password-file F</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>必须提供 --%1。</translation>
    </message>
    <message>
        <source>Pinned the server&apos;s certificate (SHA-256 %1).</source>
        <translation>已固定服务器证书（SHA-256 %1）。</translation>
    </message>
    <message>
        <source>WARNING: the server&apos;s certificate changed (SHA-256 was %1, now %2).</source>
        <translation>警告：服务器证书已更改（原 SHA-256 为 %1，现为 %2）。</translation>
    </message>
    <message>
        <source>Pulled %1 of %2 log entries</source>
        <translation>已拉取 %1 / %2 条日志记录</translation>
    </message>
    <message>
        <source>ALARM: the server&apos;s history does not add up. %1</source>
        <translation>警报：服务器的历史记录对不上。%1</translation>
    </message>
    <message>
        <source>Sync is stopped on this device. Keep this database as evidence and tell the administrator.</source>
        <translation>本设备已停止同步。请保留此数据库作为证据，并告知系统管理员。</translation>
    </message>
    <message>
        <source>In step with %1: sent %2, refused %3, received %4 (%5 not for this device&apos;s records); the server&apos;s log of %6 entries checks out.</source>
        <translation>已与 %1 同步一致：发送 %2 条，被拒绝 %3 条，接收 %4 条（其中 %5 条与本设备的记录无关）；服务器 %6 条记录的日志校验通过。</translation>
    </message>
    <message>
        <source>Refused changes were taken back on this device and are listed under Conflicts.</source>
        <translation>被拒绝的更改已在本设备上撤回，并列在“冲突”中。</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>The parameter &quot;%1&quot; must be a whole number from %2 to %3.</source>
        <translation>参数“%1”必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2.</source>
        <translation>%2 不允许 %1。</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>%1 处没有内容。</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>该账号已不存在。</translation>
    </message>
    <message>
        <source>This account&apos;s access ended on the departure date.</source>
        <translation>该账号的访问权限已于离职日期终止。</translation>
    </message>
    <message>
        <source>This account is switched off.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins from this address. Wait a minute.</source>
        <translation>来自此地址的登录失败次数过多，请等待一分钟。</translation>
    </message>
    <message>
        <source>Change %1 (%2): %3</source>
        <translation>更改 %1（%2）：%3</translation>
    </message>
    <message>
        <source>unknown kind of record &quot;%1&quot;.</source>
        <translation>未知的记录类型“%1”。</translation>
    </message>
    <message>
        <source>a record of kind &quot;%1&quot; has no field &quot;%2&quot;.</source>
        <translation>“%1”类记录没有字段“%2”。</translation>
    </message>
    <message>
        <source>it is dated %1 ms ahead of the server&apos;s clock.</source>
        <translation>其日期比服务器时钟超前 %1 毫秒。</translation>
    </message>
    <message>
        <source>Setting up the organisation is allowed only from the server&apos;s own machine.</source>
        <translation>只能在服务器本机上设置组织。</translation>
    </message>
    <message>
        <source>This server is already in use; setup is closed.</source>
        <translation>此服务器已投入使用，设置已关闭。</translation>
    </message>
    <message>
        <source>reading earlier refusals</source>
        <translation>读取先前的拒绝记录</translation>
    </message>
    <message>
        <source>The server holds this change but not in its log.</source>
        <translation>服务器保存了此更改，但它不在服务器日志中。</translation>
    </message>
    <message>
        <source>The cursor %1 is beyond the end of the server&apos;s log (%2 entries).</source>
        <translation>游标 %1 超出了服务器日志的末尾（共 %2 条记录）。</translation>
    </message>
    <message>
        <source>reading the server log</source>
        <translation>读取服务器日志</translation>
    </message>
    <message>
        <source>The server log is damaged at entry %1.</source>
        <translation>服务器日志在第 %1 条记录处损坏。</translation>
    </message>
    <message>
        <source>The parameter &quot;from&quot; is required.</source>
        <translation>缺少参数“from”。</translation>
    </message>
    <message>
        <source>The parameter &quot;index&quot; is required.</source>
        <translation>缺少参数“index”。</translation>
    </message>
    <message>
        <source>The parameters &quot;entity&quot; and &quot;id&quot; must name a record.</source>
        <translation>参数 &quot;entity&quot; 和 &quot;id&quot; 必须指向一条记录。</translation>
    </message>
    <message>
        <source>There is no such record that this account may see.</source>
        <translation>该记录不存在，或此账号无权查看。</translation>
    </message>
    <message>
        <source>reading a record&apos;s history</source>
        <translation>读取记录的历史</translation>
    </message>
    <message>
        <source>A time-stamp request is at most %1 bytes.</source>
        <translation>时间戳请求最多 %1 字节。</translation>
    </message>
</context>
<context>
    <name>SyncWire</name>
    <message>
        <source>The message is not in the expected form: %1.</source>
        <translation>消息格式不符合要求：%1。</translation>
    </message>
    <message>
        <source>The message is larger than %1 bytes.</source>
        <translation>消息超过 %1 字节。</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 (%2)</source>
        <translation>第 %1 字节处 JSON 无效（%2）</translation>
    </message>
    <message>
        <source>a JSON object is expected</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in %2</source>
        <translation>%2 中有未知的键“%1”</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot; in %2</source>
        <translation>%2 中缺少“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 must be text</source>
        <translation>%2 中的“%1”必须是文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 is longer than %3 characters</source>
        <translation>%2 中的“%1”超过 %3 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 must be a whole number from %3 to %4</source>
        <translation>%2 中的“%1”必须是 %3 到 %4 之间的整数</translation>
    </message>
    <message>
        <source>&quot;ops&quot; must be a list</source>
        <translation>“ops”必须是列表</translation>
    </message>
    <message>
        <source>A batch holds at most %1 changes; this one holds %2.</source>
        <translation>一批最多 %1 条更改；此批有 %2 条。</translation>
    </message>
    <message>
        <source>change %1 is not an object</source>
        <translation>第 %1 条更改不是对象</translation>
    </message>
    <message>
        <source>change %1: %2</source>
        <translation>第 %1 条更改：%2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>服务器返回了 HTTP 状态码 %1。</translation>
    </message>
    <message>
        <source>the sign-in does not name the device</source>
        <translation>登录请求未注明设备</translation>
    </message>
    <message>
        <source>the sign-in reply has no token or account</source>
        <translation>登录回复中没有令牌或账号</translation>
    </message>
    <message>
        <source>&quot;results&quot; must be a list of at most %1</source>
        <translation>“results”必须是最多 %1 项的列表</translation>
    </message>
    <message>
        <source>result %1</source>
        <translation>结果 %1</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 不是对象</translation>
    </message>
    <message>
        <source>%1 has no valid id</source>
        <translation>%1 没有有效的 ID</translation>
    </message>
    <message>
        <source>%1 has an unknown status</source>
        <translation>%1 的状态未知</translation>
    </message>
    <message>
        <source>&quot;leaves&quot; must hold one hash per entry from the cursor on</source>
        <translation>“leaves”必须为游标之后的每条记录各给出一个哈希</translation>
    </message>
    <message>
        <source>a leaf hash is not 32 bytes of Base64</source>
        <translation>叶哈希不是 32 字节的 Base64</translation>
    </message>
    <message>
        <source>&quot;more&quot; must be true or false</source>
        <translation>“more”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;ops&quot; must be a list of at most %1</source>
        <translation>“ops”必须是最多 %1 项的列表</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>%1 is out of order or beyond the log</source>
        <translation>%1 顺序错误或超出日志范围</translation>
    </message>
    <message>
        <source>%1 has no change</source>
        <translation>%1 不含更改</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&quot;proof&quot; must be a short list of hashes</source>
        <translation>“proof”必须是简短的哈希列表</translation>
    </message>
    <message>
        <source>a proof hash is not 32 bytes of hexadecimal</source>
        <translation>证明哈希不是 32 字节的十六进制</translation>
    </message>
    <message>
        <source>&quot;forget&quot; must be a list of at most one record per entry</source>
        <translation>&quot;forget&quot; 必须是列表，且每个条目最多对应一条记录</translation>
    </message>
    <message>
        <source>a record to forget</source>
        <translation>待本地移除的记录</translation>
    </message>
    <message>
        <source>%1 names no record</source>
        <translation>%1 未指明记录</translation>
    </message>
    <message>
        <source>&quot;entries&quot; must be a list of at most %1</source>
        <translation>&quot;entries&quot; 必须是最多包含 %1 项的列表</translation>
    </message>
    <message>
        <source>%1 is out of order</source>
        <translation>%1 顺序错乱</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be Base64</source>
        <translation>“%1”必须是 Base64 编码</translation>
    </message>
</context>
<context>
    <name>TaskConfirmations</name>
    <message>
        <source>Say what you confirm.</source>
        <translation>请说明您确认的内容。</translation>
    </message>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>The progress report is not one of this task&apos;s.</source>
        <translation>该进度汇报不属于此任务。</translation>
    </message>
    <message>
        <source>The device changed while signing.</source>
        <translation>签名过程中设备发生了变化。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Choose whose task it is.</source>
        <translation>请选择任务负责人。</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请填写任务标题。</translation>
    </message>
    <message>
        <source>A task cannot be due before it starts.</source>
        <translation>任务的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Progress is a percentage from 0 to 100.</source>
        <translation>进度为 0 至 100 之间的百分比。</translation>
    </message>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>The task is %1: there is no progress to report.</source>
        <translation>该任务%1，无法再汇报进度。</translation>
    </message>
    <message>
        <source>Choose the task&apos;s status.</source>
        <translation>请选择任务状态。</translation>
    </message>
    <message>
        <source>A task marked done is 100% complete.</source>
        <translation>标记为已完成的任务，进度必须为 100%。</translation>
    </message>
</context>
<context>
    <name>TeamRoster</name>
    <message>
        <source>The employee is not on this computer.</source>
        <translation>该员工不在这台计算机上。</translation>
    </message>
    <message>
        <source>reading the team</source>
        <translation>读取团队</translation>
    </message>
</context>
<context>
    <name>TimeStamp</name>
    <message>
        <source>The time stamp does not hold: %1.</source>
        <translation>时间戳无效：%1。</translation>
    </message>
    <message>
        <source>it is not a time-stamp response</source>
        <translation>它不是时间戳响应</translation>
    </message>
    <message>
        <source>the authority refused to stamp</source>
        <translation>时间戳服务拒绝了盖戳</translation>
    </message>
    <message>
        <source>the authority&apos;s certificate is damaged</source>
        <translation>颁发机构的证书已损坏</translation>
    </message>
    <message>
        <source>it states no time</source>
        <translation>其中没有时间</translation>
    </message>
</context>
<context>
    <name>TimeStampAuthority</name>
    <message>
        <source>The time-stamping key and certificate do not belong together, or the certificate is not for time stamping.</source>
        <translation>时间戳密钥与证书不匹配，或该证书不能用于时间戳。</translation>
    </message>
    <message>
        <source>The time-stamping authority could not answer.</source>
        <translation>时间戳服务无法应答。</translation>
    </message>
</context>
<context>
    <name>TlsCertificate</name>
    <message>
        <source>The server&apos;s TLS certificate could not be made.</source>
        <translation>无法生成服务器的 TLS 证书。</translation>
    </message>
</context>
<context>
    <name>TrailImporter</name>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>reading the work trail</source>
        <translation>读取工作轨迹</translation>
    </message>
    <message>
        <source>Already in the work trail.</source>
        <translation>已在工作轨迹中。</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>attachment of &quot;%1&quot;</source>
        <translation>“%1”的附件</translation>
    </message>
    <message>
        <source>The message is larger than 512 MB.</source>
        <translation>邮件超过 512 MB。</translation>
    </message>
    <message>
        <source>%1, message %2</source>
        <translation>%1，第 %2 封邮件</translation>
    </message>
    <message>
        <source>The export is larger than 512 MB.</source>
        <translation>导出文件超过 512 MB。</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>The file is larger than 512 MB.</source>
        <translation>文件超过 512 MB。</translation>
    </message>
</context>
<context>
    <name>TrailNotes</name>
    <message>
        <source>Choose whose trail the note is in.</source>
        <translation>请选择此备注所属的工作轨迹。</translation>
    </message>
    <message>
        <source>Give the note a title.</source>
        <translation>请填写备注标题。</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters.</source>
        <translation>备注最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A note records what has happened: its time cannot be in the future.</source>
        <translation>备注记录的是已发生的事：其时间不能晚于当前时间。</translation>
    </message>
</context>
<context>
    <name>TrailSearch</name>
    <message>
        <source>Searching the work trail needs a SQLite database (a desktop&apos;s).</source>
        <translation>搜索工作轨迹需要 SQLite 数据库（桌面端的数据库）。</translation>
    </message>
    <message>
        <source>reading the work trail</source>
        <translation>读取工作轨迹</translation>
    </message>
    <message>
        <source>indexing the work trail</source>
        <translation>为工作轨迹建立索引</translation>
    </message>
    <message>
        <source>searching the work trail</source>
        <translation>搜索工作轨迹</translation>
    </message>
</context>
<context>
    <name>WorkArchive</name>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
</context>
<context>
    <name>WorkIssues</name>
    <message>
        <source>The decision is not signed.</source>
        <translation>该决定未签名。</translation>
    </message>
    <message>
        <source>The signed content does not match the attribution as recorded.</source>
        <translation>签名内容与记录的归因不符。</translation>
    </message>
    <message>
        <source>This installation has no certificate authority to check signatures against yet.</source>
        <translation>本安装尚未配置用于验证签名的证书颁发机构。</translation>
    </message>
    <message>
        <source>The decision is signed with %1&apos;s certificate, not with %2&apos;s.</source>
        <translation>该决定使用的是 %1 的证书签名，而不是 %2 的。</translation>
    </message>
    <message>
        <source>The issue does not exist.</source>
        <translation>该问题不存在。</translation>
    </message>
    <message>
        <source>Choose whose work the issue is in.</source>
        <translation>请选择问题出现在谁的工作中。</translation>
    </message>
    <message>
        <source>Choose what kind of issue it is.</source>
        <translation>请选择问题类型。</translation>
    </message>
    <message>
        <source>Say in a few words what went wrong.</source>
        <translation>请简要说明出了什么问题。</translation>
    </message>
    <message>
        <source>Give the day it happened.</source>
        <translation>请填写问题发生的日期。</translation>
    </message>
    <message>
        <source>An issue cannot have happened in the future.</source>
        <translation>问题不可能发生在未来。</translation>
    </message>
    <message>
        <source>An issue is recorded in one&apos;s own name.</source>
        <translation>问题须以本人名义记录。</translation>
    </message>
    <message>
        <source>Issues in your own work are recorded by your supervisor or HR; state their cause when they are.</source>
        <translation>你本人工作中的问题由你的主管或人事记录；记录后请陈述原因。</translation>
    </message>
    <message>
        <source>reading review cycles</source>
        <translation>读取考核周期</translation>
    </message>
    <message>
        <source>The review cycle does not exist.</source>
        <translation>该考核周期不存在。</translation>
    </message>
    <message>
        <source>The review cycle “%1” is closed: what was recorded in it is final.</source>
        <translation>考核周期“%1”已关闭：其中的记录均为最终结果。</translation>
    </message>
    <message>
        <source>The issue happened on %1, outside the cycle “%2”.</source>
        <translation>该问题发生于 %1，不在周期“%2”之内。</translation>
    </message>
    <message>
        <source>Only %1 states the cause of an issue in their own work.</source>
        <translation>只有 %1 本人才能陈述其工作中问题的原因。</translation>
    </message>
    <message>
        <source>The cause of this issue has been stated already.</source>
        <translation>该问题的原因已陈述。</translation>
    </message>
    <message>
        <source>Choose the cause.</source>
        <translation>请选择原因。</translation>
    </message>
    <message>
        <source>Say briefly what caused it.</source>
        <translation>请简要说明原因。</translation>
    </message>
    <message>
        <source>%1 has not stated the cause yet: a supervisor confirms or corrects the cause the employee gives.</source>
        <translation>%1 尚未陈述原因：主管需对员工给出的原因进行确认或更正。</translation>
    </message>
    <message>
        <source>%1 has %2 the cause already.</source>
        <translation>%1 已%2该原因。</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>The cause of an issue is confirmed by the employee&apos;s supervisor or HR.</source>
        <translation>问题的原因由员工的主管或人事确认。</translation>
    </message>
    <message>
        <source>Only %1&apos;s supervisors or HR confirm or correct the cause.</source>
        <translation>只有 %1 的主管或人事才能确认或更正原因。</translation>
    </message>
    <message>
        <source>Choose the cause that stands.</source>
        <translation>请选择最终认定的原因。</translation>
    </message>
    <message>
        <source>%1 is the cause %2 stated: confirm it rather than correct it.</source>
        <translation>%1 就是 %2 陈述的原因：请确认，而不是更正。</translation>
    </message>
    <message>
        <source>Say what you confirm.</source>
        <translation>请说明你确认的内容。</translation>
    </message>
    <message>
        <source>Say why the cause is another.</source>
        <translation>请说明为何认定为其他原因。</translation>
    </message>
    <message>
        <source>The device changed while signing.</source>
        <translation>签名过程中设备发生了变化。</translation>
    </message>
</context>
<context>
    <name>WorkRules</name>
    <message>
        <source>The employee chosen does not exist.</source>
        <translation>所选员工不存在。</translation>
    </message>
    <message>
        <source>%1 %2 has left the company: their work goes to someone else.</source>
        <translation>%1%2 已离职：其工作应交由他人负责。</translation>
    </message>
    <message>
        <source>A responsibility cannot end before it begins.</source>
        <translation>职责的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Progress is a percentage from 0 to 100.</source>
        <translation>进度为 0 至 100 之间的百分比。</translation>
    </message>
    <message>
        <source>A task marked done is 100% complete.</source>
        <translation>标记为已完成的任务，进度必须为 100%。</translation>
    </message>
    <message>
        <source>A task cannot be due before it starts.</source>
        <translation>任务的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The task does not exist.</source>
        <translation>该任务不存在。</translation>
    </message>
    <message>
        <source>A progress report is made in one&apos;s own name.</source>
        <translation>只能以本人名义汇报进度。</translation>
    </message>
    <message>
        <source>A confirmation is made in one&apos;s own name.</source>
        <translation>只能以本人名义进行确认。</translation>
    </message>
    <message>
        <source>Only the owner&apos;s supervisors confirm their progress.</source>
        <translation>只有任务负责人的上级才能确认其进度。</translation>
    </message>
    <message>
        <source>The signed content does not match the confirmation.</source>
        <translation>签名内容与确认内容不符。</translation>
    </message>
    <message>
        <source>The confirmation is signed with %1&apos;s certificate, not with the supervisor&apos;s.</source>
        <translation>该确认使用的是 %1 的证书签名，而不是上级的证书。</translation>
    </message>
    <message>
        <source>A content hash is 64 lower-case hexadecimal digits.</source>
        <translation>内容哈希值必须为 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>This item is in the work trail already.</source>
        <translation>该记录已在工作轨迹中。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>The project does not exist.</source>
        <translation>该项目不存在。</translation>
    </message>
    <message>
        <source>“%1” has subtasks or dependencies in its project: it cannot move to another project.</source>
        <translation>“%1”在其项目中有子任务或依赖：无法移至其他项目。</translation>
    </message>
    <message>
        <source>The summary task does not exist.</source>
        <translation>该摘要任务不存在。</translation>
    </message>
    <message>
        <source>“%1” and its summary task “%2” are not in the same project.</source>
        <translation>“%1”与其摘要任务“%2”不在同一项目中。</translation>
    </message>
    <message>
        <source>“%1” cannot be a subtask of itself or of one of its own subtasks.</source>
        <translation>“%1”不能成为其自身或其子任务的子任务。</translation>
    </message>
    <message>
        <source>“%1” (%2) lies outside its summary task “%3” (%4).</source>
        <translation>“%1”（%2）超出了其摘要任务“%3”（%4）的范围。</translation>
    </message>
    <message>
        <source>“%1” (%2) would no longer contain its subtask “%3” (%4).</source>
        <translation>“%1”（%2）将不再包含其子任务“%3”（%4）。</translation>
    </message>
</context>
<context>
    <name>WorkTimeline</name>
    <message>
        <source>This item is not on this computer.</source>
        <translation>本机上没有此记录。</translation>
    </message>
    <message>
        <source>You may not see this item.</source>
        <translation>您无权查看此记录。</translation>
    </message>
    <message>
        <source>This computer holds no CA certificate to check the signature against.</source>
        <translation>本机没有可用于校验签名的 CA 证书。</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>进度汇报</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>进度确认</translation>
    </message>
    <message>
        <source>reading approvals</source>
        <translation>读取审批记录</translation>
    </message>
    <message>
        <source>someone not on this computer</source>
        <translation>本机未登记的人员</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>申请：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>reading progress reports</source>
        <translation>读取进度汇报</translation>
    </message>
    <message>
        <source>Progress %1%: %2</source>
        <translation>进度 %1%：%2</translation>
    </message>
    <message>
        <source>reading confirmations</source>
        <translation>读取进度确认</translation>
    </message>
    <message>
        <source>Confirmed %1%: %2</source>
        <translation>已确认 %1%：%2</translation>
    </message>
    <message>
        <source>Work of %1</source>
        <translation>%1 的工作</translation>
    </message>
    <message>
        <source>Weekly report, week of %1</source>
        <translation>周报，%1 当周</translation>
    </message>
    <message>
        <source>Daily report, %1</source>
        <translation>日报，%1</translation>
    </message>
    <message>
        <source>something not on this computer</source>
        <translation>不在这台计算机上的内容</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Blockers</source>
        <translation>阻碍</translation>
    </message>
    <message>
        <source>Comment by %1, %2:
%3</source>
        <translation>%1 于 %2 评论：
%3</translation>
    </message>
    <message>
        <source>Daily or weekly report</source>
        <translation>日报或周报</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>主管评论</translation>
    </message>
    <message>
        <source>reading reports</source>
        <translation>读取汇报</translation>
    </message>
    <message>
        <source>reading comments</source>
        <translation>读取评论</translation>
    </message>
    <message>
        <source>Comment on “%1”</source>
        <translation>评论“%1”</translation>
    </message>
    <message>
        <source>Cause confirmed for “%1”: %2</source>
        <translation>已确认“%1”的原因：%2</translation>
    </message>
    <message>
        <source>Cause corrected for “%1”: %2</source>
        <translation>已更正“%1”的原因：%2</translation>
    </message>
    <message>
        <source>Cause stated for “%1”: %2</source>
        <translation>已说明“%1”的原因：%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>reading issues</source>
        <translation>读取问题</translation>
    </message>
    <message>
        <source>reading the causes of issues</source>
        <translation>读取问题原因</translation>
    </message>
    <message>
        <source>reading awards</source>
        <translation>读取奖励</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4</source>
        <translation>%1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>Signed; the signature checks out.</source>
        <translation>已签名，签名验证通过。</translation>
    </message>
    <message>
        <source>Signed, but the signature does not check out: %1</source>
        <translation>已签名，但签名验证未通过：%1</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cause of an issue</source>
        <translation>问题原因</translation>
    </message>
    <message>
        <source>Reward or penalty</source>
        <translation>奖励或处罚</translation>
    </message>
</context>
<context>
    <name>WorkflowNodes</name>
    <message>
        <source>Project delivery</source>
        <translation>项目交付</translation>
    </message>
    <message>
        <source>Expense claim</source>
        <translation>费用报销</translation>
    </message>
    <message>
        <source>Document approval</source>
        <translation>文件审批</translation>
    </message>
    <message>
        <source>Handover sign-off</source>
        <translation>工作交接签批</translation>
    </message>
    <message>
        <source>General request</source>
        <translation>通用申请</translation>
    </message>
    <message>
        <source>The workflow&apos;s nodes are not a JSON list.</source>
        <translation>流程的节点不是 JSON 列表。</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <source>%1 has an unknown setting &quot;%2&quot;.</source>
        <translation>%1 含有未知设置“%2”。</translation>
    </message>
    <message>
        <source>%1 needs a key and a title.</source>
        <translation>%1 需要标识和名称。</translation>
    </message>
    <message>
        <source>%1 names no valid actor (manager, role, person, chosen or submitter).</source>
        <translation>%1 未指定有效的处理人类型（manager、role、person、chosen 或 submitter）。</translation>
    </message>
    <message>
        <source>%1 names no valid role.</source>
        <translation>%1 未指定有效的角色。</translation>
    </message>
    <message>
        <source>%1 names a role, but its actor is not a role.</source>
        <translation>%1 指定了角色，但其处理人类型不是角色。</translation>
    </message>
    <message>
        <source>%1: people must be a list of employee ids.</source>
        <translation>%1：people 必须是员工 ID 列表。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an employee id.</source>
        <translation>%1：“%2”不是员工 ID。</translation>
    </message>
    <message>
        <source>%1: the amount condition must be a whole number of minor units, zero or more.</source>
        <translation>%1：金额条件必须是以最小货币单位计的非负整数。</translation>
    </message>
    <message>
        <source>%1: the deadline must be a whole number of hours up to a year.</source>
        <translation>%1：截止时间必须是不超过一年的整数小时数。</translation>
    </message>
    <message>
        <source>%1: &quot;everyone&quot; and &quot;attachment&quot; are true or false.</source>
        <translation>%1：“everyone”和“attachment”只能是 true 或 false。</translation>
    </message>
    <message>
        <source>A workflow needs at least one node.</source>
        <translation>流程至少需要一个节点。</translation>
    </message>
    <message>
        <source>A workflow has at most %1 nodes.</source>
        <translation>流程最多只能有 %1 个节点。</translation>
    </message>
    <message>
        <source>%1: the key must be 1 to 40 lower-case letters, digits or underscores, starting with a letter.</source>
        <translation>%1：标识须为 1 至 40 个小写字母、数字或下划线，且须以字母开头。</translation>
    </message>
    <message>
        <source>%1: the key &quot;%2&quot; is used twice.</source>
        <translation>%1：标识“%2”重复使用。</translation>
    </message>
    <message>
        <source>%1 needs a title of up to 80 characters.</source>
        <translation>%1 需要名称，最多 80 个字符。</translation>
    </message>
    <message>
        <source>%1 names no one to act.</source>
        <translation>%1 未指定处理人。</translation>
    </message>
    <message>
        <source>%1 lists people, but its actor is not a named person.</source>
        <translation>%1 列出了人员，但其处理人类型不是指定人员。</translation>
    </message>
    <message>
        <source>%1 names more than 20 people.</source>
        <translation>%1 指定的人员超过 20 人。</translation>
    </message>
    <message>
        <source>%1: every employee holds the employee role; name a role that answers for something.</source>
        <translation>%1：每名员工都拥有“员工”角色；请指定一个承担具体职责的角色。</translation>
    </message>
    <message>
        <source>%1: only a node of named or chosen people can need all of them to sign.</source>
        <translation>%1：只有由指定人员或申请人自选人员处理的节点，才能要求全部人员签批（会签）。</translation>
    </message>
</context>
<context>
    <name>baton::AddDependencyDialog</name>
    <message>
        <source>Add Dependency</source>
        <translation>添加依赖</translation>
    </message>
    <message>
        <source>The second task starts once the first has ended.</source>
        <translation>第二个任务在第一个任务结束后开始。</translation>
    </message>
    <message>
        <source>&amp;First:</source>
        <translation>先(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>后(&amp;T)：</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>添加依赖</translation>
    </message>
    <message>
        <source>Choose the task that ends first.</source>
        <translation>请选择先结束的任务。</translation>
    </message>
    <message>
        <source>Choose the task that waits for it.</source>
        <translation>请选择等待它的任务。</translation>
    </message>
    <message>
        <source>A task cannot depend on itself.</source>
        <translation>任务不能依赖自身。</translation>
    </message>
</context>
<context>
    <name>baton::AddDutyDialog</name>
    <message>
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Add Responsibility</source>
        <translation>添加职责</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Renewals of customer B</source>
        <translation>客户 B 的续约</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>For &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>承担人：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Responsibility:</source>
        <translation>职责(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;What it covers:</source>
        <translation>职责范围(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Name the responsibility.</source>
        <translation>请填写职责名称。</translation>
    </message>
    <message>
        <source>A responsibility cannot end before it begins.</source>
        <translation>职责的结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>baton::AddItemDialog</name>
    <message>
        <source>Add to the Handover of %1</source>
        <translation>添加到 %1 的工作交接</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>e.g. Laptop ThinkPad T14, asset tag 0231</source>
        <translation>例如：ThinkPad T14 笔记本电脑，资产编号 0231</translation>
    </message>
    <message>
        <source>Where it is, what to know, by when</source>
        <translation>存放位置、注意事项、完成期限</translation>
    </message>
    <message>
        <source>Who Receives It</source>
        <translation>选择接收人</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>事项(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>详细说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Receiver:</source>
        <translation>接收人(&amp;R)：</translation>
    </message>
    <message>
        <source>Choose who takes it over</source>
        <translation>请选择接收人</translation>
    </message>
    <message>
        <source>Nobody: it goes back to the company</source>
        <translation>无：归还公司</translation>
    </message>
    <message>
        <source>Describe the item.</source>
        <translation>请描述该事项。</translation>
    </message>
    <message>
        <source>The leaver cannot receive their own handover.</source>
        <translation>离职人员不能接收自己移交的事项。</translation>
    </message>
    <message>
        <source>Nobody receives it yet: choose a receiver before the handover is submitted for sign-off.</source>
        <translation>尚无接收人：请在工作交接提交签批前选择接收人。</translation>
    </message>
</context>
<context>
    <name>baton::AddNoteDialog</name>
    <message>
        <source>Add Note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Call with the customer about the renewal</source>
        <translation>就续约事宜与客户通话</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>In the work trail of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>记入 &lt;b&gt;%1&lt;/b&gt; 的工作轨迹</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>正文(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Responsibility:</source>
        <translation>职责(&amp;R)：</translation>
    </message>
    <message>
        <source>Give the note a title.</source>
        <translation>请填写备注标题。</translation>
    </message>
</context>
<context>
    <name>baton::AlertNotifier</name>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及其他 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>New warning</source>
        <translation>新预警</translation>
    </message>
    <message numerus="yes">
        <source>%n new warning(s)</source>
        <translation>
            <numerusform>%n 条新预警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::AlertSettingsWidget</name>
    <message>
        <source>Saved: warnings follow the new thresholds at once.</source>
        <translation>已保存：预警将立即按新阈值执行。</translation>
    </message>
    <message>
        <source>When Baton warns, for the whole company.</source>
        <translation>Baton 何时发出预警，适用于全公司。</translation>
    </message>
    <message>
        <source>When Baton warns, for the whole company. HR changes these.</source>
        <translation>Baton 何时发出预警，适用于全公司。由人事修改。</translation>
    </message>
    <message>
        <source>Overdue &amp;task warns after:</source>
        <translation>任务逾期预警(&amp;T)：</translation>
    </message>
    <message>
        <source>Weekly &amp;report missing after:</source>
        <translation>周报缺失预警(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Approval step late after:</source>
        <translation>审批环节延迟预警(&amp;A)：</translation>
    </message>
    <message>
        <source> day(s) past due</source>
        <translation> 天（超过截止日期后）</translation>
    </message>
    <message>
        <source> day(s) into the next week</source>
        <translation> 天（进入下一周后）</translation>
    </message>
    <message>
        <source> hour(s) waiting, without a deadline</source>
        <translation> 小时（等待中且无截止时间）</translation>
    </message>
    <message>
        <source>&amp;Save Thresholds</source>
        <translation>保存阈值(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Defaults</source>
        <translation>默认值(&amp;D)</translation>
    </message>
</context>
<context>
    <name>baton::AlertsModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>About</source>
        <translation>相关对象</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>baton::AlertsPage</name>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>About the work of %1.</source>
        <translation>关于 %1 的工作。</translation>
    </message>
    <message>
        <source>Open. Acknowledge it (%1) once you are on it; resolve it (%2) saying how, once it is dealt with.</source>
        <translation>待处理。着手处理时请确认知悉（%1）；处理完毕后请标记解决（%2）并说明处理方式。</translation>
    </message>
    <message>
        <source>Resolved by %1 on %2</source>
        <translation>由 %1 于 %2 处理完毕</translation>
    </message>
    <message>
        <source>Acknowledged by %1 on %2</source>
        <translation>由 %1 于 %2 确认知悉</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条预警</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs your attention</source>
        <translation>暂无需要你关注的事项</translation>
    </message>
    <message>
        <source>Your tasks overdue, those of the people you supervise, your weekly reports missing and approvals late for your decision appear here as they happen.</source>
        <translation>你的逾期任务、你主管的人员的逾期任务、你缺失的周报以及等待你决定的逾期审批，一旦发生都会显示在这里。</translation>
    </message>
    <message>
        <source>No acknowledged warnings</source>
        <translation>没有已确认知悉的预警</translation>
    </message>
    <message>
        <source>Warnings you have seen and are dealing with are kept here until resolved.</source>
        <translation>你已看到并正在处理的预警会保留在这里，直至处理完毕。</translation>
    </message>
    <message>
        <source>No resolved warnings</source>
        <translation>没有已处理完毕的预警</translation>
    </message>
    <message>
        <source>Warnings you resolved, with how, are kept here while what they are about stands.</source>
        <translation>你已处理完毕的预警连同处理方式会保留在这里，只要其相关对象仍然存在。</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>没有预警</translation>
    </message>
    <message>
        <source>Overdue tasks, missing weekly reports and late approvals appear here.</source>
        <translation>逾期任务、缺失的周报和逾期审批会显示在这里。</translation>
    </message>
    <message>
        <source>Acknowledge Warning</source>
        <translation>确认知悉预警</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Overdue tasks, missing weekly reports and late approvals: acknowledge what you are on, resolve what is dealt with.</source>
        <translation>逾期任务、缺失的周报和逾期审批：对正在处理的确认知悉，对已处理的标记解决。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认知悉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理完毕</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认知悉</translation>
    </message>
    <message>
        <source>You have seen the warning and are on it</source>
        <translation>你已看到该预警并正在处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>处理完毕…</translation>
    </message>
    <message>
        <source>The warning is dealt with: say how</source>
        <translation>该预警已处理完毕：请说明处理方式</translation>
    </message>
</context>
<context>
    <name>baton::AnswerFeedbackDialog</name>
    <message>
        <source>Answer Feedback Request</source>
        <translation>回答反馈邀请</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2 · %3&lt;br&gt;You enter the customer&apos;s answer, with their own message.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2 · %3&lt;br&gt;由你录入客户的回答，并附上客户本人的消息。</translation>
    </message>
    <message>
        <source>On &lt;b&gt;%1&lt;/b&gt; · %2 · you answer as: %3</source>
        <translation>关于 &lt;b&gt;%1&lt;/b&gt; · %2 · 你的回答身份：%3</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>%1 (lowest) to %2 (highest)</source>
        <translation>%1（最低）到 %2（最高）</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评论(&amp;C)：</translation>
    </message>
    <message>
        <source>Paste the customer&apos;s email or message here.</source>
        <translation>请在此粘贴客户的邮件或消息。</translation>
    </message>
    <message>
        <source>From &amp;file…</source>
        <translation>从文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;message:</source>
        <translation>客户消息(&amp;M)：</translation>
    </message>
    <message>
        <source>Send answer</source>
        <translation>发送回答</translation>
    </message>
    <message>
        <source>%1 sees your answer with your name.</source>
        <translation>%1 会看到你的回答及你的姓名。</translation>
    </message>
    <message>
        <source>%1 sees answers like yours only as averages of at least three, without names; HR and their supervisors see who answered what.</source>
        <translation>%1 只能看到与你类似的回答的平均值（至少三人，不显示姓名）；人事和其主管可以看到谁回答了什么。</translation>
    </message>
    <message>
        <source>Score at least one dimension.</source>
        <translation>请至少为一个维度打分。</translation>
    </message>
    <message>
        <source>Attach the customer&apos;s own message: paste it or read it from a file.</source>
        <translation>请附上客户本人的消息：粘贴或从文件读取。</translation>
    </message>
    <message>
        <source>The file cannot be read, or is larger than 5 MB.</source>
        <translation>无法读取该文件，或文件大于 5 MB。</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>已附加：%1</translation>
    </message>
    <message>
        <source>Customer&apos;s Message</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <source>Messages and documents (*.eml *.txt *.pdf *.msg);;All files (*)</source>
        <translation>消息和文档 (*.eml *.txt *.pdf *.msg);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>baton::ApprovalDetailPane</name>
    <message>
        <source>submitted by %1 on %2</source>
        <translation>%1 提交于 %2</translation>
    </message>
    <message>
        <source>%1 — waiting on %2 (%3)</source>
        <translation>%1 — 等待 %2 处理（%3）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>— added at a decision, round %1</source>
        <translation>— 审批时添加，第 %1 轮</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Check failed: %1</source>
        <translation>校验未通过：%1</translation>
    </message>
    <message>
        <source>Signature and time stamp verified</source>
        <translation>签名和时间戳均已验证</translation>
    </message>
    <message>
        <source>Signature verified, waiting for trusted time</source>
        <translation>签名已验证，等待可信时间</translation>
    </message>
    <message>
        <source>Signed and time-stamped</source>
        <translation>已签名并加盖时间戳</translation>
    </message>
    <message>
        <source>Signed, waiting for trusted time</source>
        <translation>已签名，等待可信时间</translation>
    </message>
    <message>
        <source>%1 (decided by %2)</source>
        <translation>%1（由 %2 决定）</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1（加签）</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Choose an attachment first.</source>
        <translation>请先选择一个附件。</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No program is set up to open %1. Use Save As to keep a copy.</source>
        <translation>没有设置可打开 %1 的程序。请使用“另存为”保存副本。</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Checking the signatures, time stamps and audit trail…</source>
        <translation>正在校验签名、时间戳和审计日志…</translation>
    </message>
    <message>
        <source>Could not check: %1</source>
        <translation>无法校验：%1</translation>
    </message>
    <message>
        <source>All %1 signed decisions check out (%2 with trusted time); the audit trail is complete and intact.</source>
        <translation>全部 %1 项已签名的审批决定均校验通过（其中 %2 项带有可信时间）；审计日志完整无损。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>校验未通过：%1</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Check Signatures</source>
        <translation>校验签名</translation>
    </message>
    <message>
        <source>Verify every signed decision against the organisation&apos;s certificate, its trusted time stamp and the audit trail.</source>
        <translation>对照本组织的证书、可信时间戳和审计日志，校验每一项已签名的审批决定。</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>可信时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>来源地址</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
</context>
<context>
    <name>baton::ApprovalsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Missing step</source>
        <translation>缺少的审批</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>当前处理人</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
</context>
<context>
    <name>baton::ApprovalsPage</name>
    <message>
        <source>Not payable yet: &quot;%1&quot; has not approved it.</source>
        <translation>尚不能付款：“%1”尚未审批通过。</translation>
    </message>
    <message>
        <source>Record that the claim was paid (%1)</source>
        <translation>登记该报销单已付款（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 项申请</numerusform>
        </translation>
    </message>
    <message>
        <source>New Request</source>
        <translation>发起申请</translation>
    </message>
    <message>
        <source>Nothing waits on you</source>
        <translation>暂无待您处理的事项</translation>
    </message>
    <message>
        <source>Requests you are to approve, and your own requests returned to you for more information, appear here.</source>
        <translation>待您审批的申请，以及被退回给您补充信息的本人申请，会显示在这里。</translation>
    </message>
    <message>
        <source>You have submitted no requests</source>
        <translation>您尚未提交任何申请</translation>
    </message>
    <message>
        <source>Delivery sign-offs, expense claims and documents you send for approval are listed here with where they stand.</source>
        <translation>您提交审批的交付确认、报销单和文件会列在这里，并显示其当前进展。</translation>
    </message>
    <message>
        <source>No decisions yet</source>
        <translation>暂无审批记录</translation>
    </message>
    <message>
        <source>Requests you have approved, rejected or returned are kept here, with your signed decision.</source>
        <translation>您已同意、驳回或退回的申请会保留在这里，并附有您签名的审批决定。</translation>
    </message>
    <message>
        <source>No approval requests</source>
        <translation>暂无审批申请</translation>
    </message>
    <message>
        <source>Every request you may see appears here: your own, those you decide, and those of the people you are responsible for.</source>
        <translation>您有权查看的所有申请都会显示在这里：您自己的申请、由您审批的申请，以及您所负责人员的申请。</translation>
    </message>
    <message>
        <source>No blocked claims</source>
        <translation>暂无付款受阻的报销单</translation>
    </message>
    <message>
        <source>Expense claims that cannot be paid yet, and the approval each one is missing, are listed here.</source>
        <translation>尚不能付款的报销单及其各自缺少的审批会列在这里。</translation>
    </message>
    <message>
        <source>Withdraw Request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Withdraw &quot;%1&quot;? Nobody will be asked to decide it any more; it stays on record as withdrawn.</source>
        <translation>确定撤回“%1”吗？撤回后将不再请任何人审批；该申请会以“已撤回”状态保留在记录中。</translation>
    </message>
    <message>
        <source>Add an Approver</source>
        <translation>加签</translation>
    </message>
    <message>
        <source>Mark Paid</source>
        <translation>标记为已付款</translation>
    </message>
    <message>
        <source>Record that &quot;%1&quot; (%2) was paid to %3? This cannot be undone.</source>
        <translation>确定登记“%1”（%2）已支付给 %3 吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Requests waiting on you and your own, each decision signed, with the signer&apos;s time beside the trusted time.</source>
        <translation>待您处理的申请和您自己的申请；每项审批决定均经签名，签名人时间与可信时间并列显示。</translation>
    </message>
    <message>
        <source>Waiting for me (%1)</source>
        <translation>待我处理（%1）</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <source>Submitted by me</source>
        <translation>我提交的</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>我已处理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Claims blocked</source>
        <translation>付款受阻</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Send a request for approval</source>
        <translation>发起新的审批申请</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>同意…</translation>
    </message>
    <message>
        <source>Approve the selected request, signed</source>
        <translation>签名同意所选申请</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Reject the selected request, signed, saying why</source>
        <translation>签名驳回所选申请，并说明理由</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Send the request back to its submitter for more information</source>
        <translation>将申请退回给申请人补充信息</translation>
    </message>
    <message>
        <source>Add Approver…</source>
        <translation>加签…</translation>
    </message>
    <message>
        <source>Ask someone else to approve it after you</source>
        <translation>请他人在您之后继续审批</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Withdraw your request before anyone decides it</source>
        <translation>在任何人审批之前撤回您的申请</translation>
    </message>
    <message>
        <source>Resubmit…</source>
        <translation>重新提交…</translation>
    </message>
    <message>
        <source>Change a returned request and send it again</source>
        <translation>修改被退回的申请并重新提交</translation>
    </message>
    <message>
        <source>Workflow Templates…</source>
        <translation>流程模板…</translation>
    </message>
    <message>
        <source>Edit the approval workflows and their steps</source>
        <translation>编辑审批流程及其环节</translation>
    </message>
    <message>
        <source>Move the Step to</source>
        <translation>将审批环节转交给</translation>
    </message>
    <message>
        <source>Move the Step</source>
        <translation>转交审批环节</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Give the waiting step to someone else (an approver who is away)</source>
        <translation>将待处理的审批环节转交他人（审批人不在岗时）</translation>
    </message>
</context>
<context>
    <name>baton::AssignGoalDialog</name>
    <message>
        <source>Everyone in the &amp;department</source>
        <translation>部门全体人员(&amp;D)</translation>
    </message>
    <message>
        <source>Everyone holding the p&amp;osition</source>
        <translation>担任该岗位的所有人员(&amp;O)</translation>
    </message>
    <message>
        <source>and in the departments below it</source>
        <translation>以及其下级部门</translation>
    </message>
    <message>
        <source>Assign to Department or Position</source>
        <translation>分配给部门或岗位</translation>
    </message>
    <message>
        <source>equal share</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <source>Its share of each person&apos;s goals for the cycle; their other goals keep their proportions in the rest.</source>
        <translation>在每个人本周期目标中所占的比重；其其他目标按原有比例分配剩余部分。</translation>
    </message>
    <message>
        <source>&amp;Under:</source>
        <translation>上级目标(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators&lt;/b&gt;</source>
        <translation>&lt;b&gt;指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consequences&lt;/b&gt;</source>
        <translation>&lt;b&gt;奖惩后果&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message numerus="yes">
        <source>Gives the goal to %n people (those with one under it already: %1).</source>
        <translation>
            <numerusform>将该目标分配给 %n 人（已在其下拥有目标的人员：%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gives the goal to %n people.</source>
        <translation>
            <numerusform>将该目标分配给 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the department goal to assign under.</source>
        <translation>请选择要在其下分配的部门目标。</translation>
    </message>
    <message>
        <source>Give the goal a title.</source>
        <translation>请为目标填写标题。</translation>
    </message>
    <message>
        <source>Say how the goal is measured: add an indicator.</source>
        <translation>请说明目标如何衡量：添加一个指标。</translation>
    </message>
    <message>
        <source>Name every indicator&apos;s metric.</source>
        <translation>请为每个指标填写度量名称。</translation>
    </message>
    <message numerus="yes">
        <source>All %n people it reaches have a goal under it already.</source>
        <translation>
            <numerusform>它覆盖的全部 %n 人在其下都已有目标。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::AttachmentList</name>
    <message>
        <source>%1 is Baton&apos;s own database and cannot be attached.</source>
        <translation>%1 是 Baton 自身的数据库，不能作为附件。</translation>
    </message>
    <message>
        <source>%1 is %2; an attachment may be at most %3.</source>
        <translation>%1 大小为 %2；每个附件最大为 %3。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 超过了 %2。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Attach files of up to %1 each.</source>
        <translation>添加附件，每个文件最大 %1。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>baton::AuditDetailPane</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Select an entry to see everything it records.</source>
        <translation>选择一条记录，查看其记录的全部内容。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录对象</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>Operation ID</source>
        <translation>操作 ID</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>前一哈希值</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希值</translation>
    </message>
    <message>
        <source>Hash check</source>
        <translation>哈希校验</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An action&apos;s readable label and its stored code, e.g. &quot;Sign in (login)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The hash matches this entry&apos;s content.</source>
        <translation>哈希值与此记录的内容相符。</translation>
    </message>
    <message>
        <source>The hash does not match this entry&apos;s content: the entry was changed after it was written.</source>
        <translation>哈希值与此记录的内容不符：该记录在写入后被修改过。</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <extracomment>A moment in UTC, e.g. &quot;2026-01-01 08:00:00.000 UTC&quot;</extracomment>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 UTC</source>
        <extracomment>%1 local time, %2 its UTC offset, %3 the same moment in UTC</extracomment>
        <translation>%1（%2）
%3 UTC</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
</context>
<context>
    <name>baton::AuditExportJob</name>
    <message>
        <source>Exporting the audit trail...</source>
        <translation>正在导出审计日志……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>baton::AuditFilterBar</name>
    <message>
        <source>Search summaries and users</source>
        <translation>搜索摘要和用户</translation>
    </message>
    <message>
        <source>Show one kind of action</source>
        <translation>只显示一类操作</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation>关键字“%1”</translation>
    </message>
    <message>
        <source>actions: %1</source>
        <translation>操作：%1</translation>
    </message>
    <message>
        <source>outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>period: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the filters of an export, e.g. &quot;outcome: Denied; period: Today&quot;</extracomment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>baton::AuditPage</name>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash and check that none was changed, removed or inserted</source>
        <translation>重新计算每条记录的哈希值，检查是否有记录被修改、删除或插入</translation>
    </message>
    <message>
        <source>Verifying the audit trail needs a role that may verify it. Ask an administrator.</source>
        <translation>校验审计日志需要具有校验权限的角色，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Exporting needs a role that may export. Ask an administrator.</source>
        <translation>导出需要具有导出权限的角色，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Show newest entries</source>
        <translation>显示最新记录</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Counting entries...</source>
        <translation>正在统计记录数……</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>没有符合这些筛选条件的审计记录。</translation>
    </message>
    <message>
        <source>The audit trail is empty. Sign-ins, changes to records and exports are recorded here as they happen.</source>
        <translation>审计日志为空。登录、记录变更和导出发生时都会记录在此。</translation>
    </message>
    <message>
        <source>Showing entries from %1 back; newer entries are not listed.</source>
        <translation>正在显示记录 %1 及更早的记录；更新的记录未列出。</translation>
    </message>
    <message>
        <source>Entry %1 is no longer in the audit trail.</source>
        <translation>记录 %1 已不在审计日志中。</translation>
    </message>
    <message>
        <source>audit-trail-%1.csv</source>
        <extracomment>Default file name of an audit export; %1 is today&apos;s date</extracomment>
        <translation>审计日志-%1.csv</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2</source>
        <translation>已将 %1 条审计记录导出到 %2</translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2, filtered by %3</source>
        <extracomment>%3 lists the filters, e.g. &quot;outcome: Denied; period: Today&quot;</extracomment>
        <translation>已将 %1 条审计记录导出到 %2，筛选条件：%3</translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit trail, so the file was removed: %1</source>
        <translation>导出操作无法记入审计日志，因此已删除导出的文件：%1</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2.</source>
        <translation>已将 %1 条记录导出到 %2。</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>The verification could not be recorded in the audit trail: %1</source>
        <translation>本次校验未能记入审计日志：%1</translation>
    </message>
    <message>
        <source>Server history: sync stopped because the server&apos;s history does not add up: %1</source>
        <translation>服务器历史：服务器的历史记录核对不符，同步已停止：%1</translation>
    </message>
    <message>
        <source>Server history: the last checkpoint kept here is not signed by the server&apos;s pinned key.</source>
        <translation>服务器历史：本机保存的最新检查点未经服务器固定密钥签名。</translation>
    </message>
    <message>
        <source>Server history: %1 entries, each checked against the server&apos;s signed checkpoints, which only ever extended the history seen before (last sync %2).</source>
        <translation>服务器历史：%1 条记录，均已对照服务器的签名检查点校验，这些检查点始终只是在此前所见历史之后追加（上次同步：%2）。</translation>
    </message>
    <message>
        <source>not yet in step</source>
        <translation>尚未同步一致</translation>
    </message>
</context>
<context>
    <name>baton::AuditTableModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>An audited record: its kind and the start of its id, e.g. &quot;Employee 0190ab12&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <extracomment>%1 local time with its UTC offset, %2 the same moment in UTC</extracomment>
        <translation>%1（UTC %2）</translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>Column of audit entry numbers</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录对象</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
</context>
<context>
    <name>baton::AuditVerifyPanel</name>
    <message>
        <source>%v of %m entries</source>
        <translation>%v / %m 条记录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Verifying the audit chain...</source>
        <translation>正在校验审计哈希链……</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <source>The audit chain could not be verified: %1</source>
        <translation>无法校验审计哈希链：%1</translation>
    </message>
    <message>
        <source>%1
Entry: %2</source>
        <translation>%1
记录：%2</translation>
    </message>
    <message>
        <source>Verification cancelled after %1 of %2 entries; nothing was concluded.</source>
        <translation>校验在检查了 %1 / %2 条记录后被取消，未得出结论。</translation>
    </message>
    <message>
        <source>The audit trail is empty: there is nothing to verify yet.</source>
        <translation>审计日志为空：暂无可校验的内容。</translation>
    </message>
    <message>
        <source>All %1 entries check out: none was changed, removed or inserted.</source>
        <translation>全部 %1 条记录校验通过：没有记录被修改、删除或插入。</translation>
    </message>
    <message>
        <source>Only %1 of %2 entries could be checked; the chain is not proven intact.</source>
        <translation>%2 条记录中仅校验了 %1 条；无法证明哈希链完整。</translation>
    </message>
    <message>
        <source>Show entry %1</source>
        <translation>显示记录 %1</translation>
    </message>
</context>
<context>
    <name>baton::CaseQuestionsDialog</name>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <source>Choose the person</source>
        <translation>选择人员</translation>
    </message>
    <message>
        <source>Name or employee number</source>
        <translation>姓名或工号</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Case questions</source>
        <translation>责任追溯</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Words the problem is about, e.g. a contract or project</source>
        <translation>问题涉及的关键词，例如合同或项目</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Responsible then</source>
        <translation>当时的负责人</translation>
    </message>
    <message>
        <source>On the handover checklist</source>
        <translation>是否列入交接清单</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签批</translation>
    </message>
    <message>
        <source>Trail around the date</source>
        <translation>该日期前后的工作轨迹</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>交接状态</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>None on a checklist</source>
        <translation>（交接清单中无）</translation>
    </message>
    <message>
        <source>No one chosen</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>You may not see this person&apos;s work.</source>
        <translation>您无权查看此人的工作。</translation>
    </message>
    <message>
        <source>Choose the person the question is about.</source>
        <translation>请选择问题所涉及的人员。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>No duty valid on that date names it, and no owner of the customer or task was found.</source>
        <translation>该日期没有任何有效职责涉及此事，也未找到该客户或任务的负责人。</translation>
    </message>
    <message>
        <source>no one yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>No: this person has no handover case.</source>
        <translation>否：此人没有工作交接记录。</translation>
    </message>
    <message>
        <source>No: nothing on the handover checklist matches.</source>
        <translation>否：交接清单中没有匹配的事项。</translation>
    </message>
    <message>
        <source>Yes: matching checklist items: %1.</source>
        <translation>是：匹配的清单事项共 %1 项。</translation>
    </message>
    <message>
        <source>No handover sign-off.</source>
        <translation>没有工作交接签批。</translation>
    </message>
    <message>
        <source>Nothing in the work trail around the date.</source>
        <translation>该日期前后的工作轨迹中没有记录。</translation>
    </message>
    <message>
        <source>Double-click an item to read it in full.</source>
        <translation>双击某条记录可查看完整内容。</translation>
    </message>
</context>
<context>
    <name>baton::CloseCycleDialog</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Reward or penalty</source>
        <translation>奖励或处罚</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Close Review Cycle</source>
        <translation>关闭考核周期</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) will be recorded as they stand</source>
        <translation>
            <numerusform>%n 份考核将按当前状态记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n without a manager&apos;s rating</source>
        <translation>
            <numerusform>，其中 %n 份没有主管评分</numerusform>
        </translation>
    </message>
    <message>
        <source>The rules give no reward or penalty.</source>
        <translation>规则未产生任何奖励或处罚。</translation>
    </message>
    <message numerus="yes">
        <source>The rules give %n reward(s) and penalty(ies):</source>
        <translation>
            <numerusform>规则产生 %n 项奖励和处罚：</numerusform>
        </translation>
    </message>
    <message>
        <source>Once closed, the cycle&apos;s reviews, feedback, issues and awards are final.</source>
        <translation>周期关闭后，其中的考核、反馈、问题和奖惩均为最终结果。</translation>
    </message>
    <message>
        <source>Close cycle</source>
        <translation>关闭周期</translation>
    </message>
    <message numerus="yes">
        <source>, %n whose goals are not all measured</source>
        <translation>
            <numerusform>，其中 %n 人的目标未全部衡量</numerusform>
        </translation>
    </message>
    <message>
        <source>Goals measured</source>
        <translation>目标已衡量</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Close with these indicator parts as measured: goals without a value count for nothing either way</source>
        <translation>按已衡量的指标部分关闭：尚无数值的目标既不加分也不扣分</translation>
    </message>
    <message>
        <source>Some goals have no value yet: record them first, or tick that the indicator parts stand as measured.</source>
        <translation>部分目标尚无数值：请先录入，或勾选按已衡量的指标部分计算。</translation>
    </message>
</context>
<context>
    <name>baton::CommentDialog</name>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>For example: needs the customer&apos;s confirmation record</source>
        <translation>例如：需要客户的确认记录</translation>
    </message>
    <message>
        <source>Comments are kept as written: they cannot be changed or removed later, and they appear in the person&apos;s work trail.</source>
        <translation>评论一经提交即按原样保存：之后无法修改或删除，并会显示在该人员的工作轨迹中。</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评论(&amp;C)：</translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <source>Write the comment.</source>
        <translation>请填写评论内容。</translation>
    </message>
    <message>
        <source>A comment is at most %1 characters long.</source>
        <translation>评论最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>baton::ConfirmProgressDialog</name>
    <message>
        <source>Confirm Progress</source>
        <translation>确认进度</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>%1%, reported by %2 on %3</source>
        <translation>%1%，由 %2 于 %3 汇报</translation>
    </message>
    <message>
        <source>The task as it stands (%1%)</source>
        <translation>任务当前情况（%1%）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3% · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3% · %4</translation>
    </message>
    <message>
        <source>Your signature says that you, as their supervisor, confirm this progress. It is kept with the task and in the person&apos;s dossier.</source>
        <translation>您的签名表示您以其主管身份确认此进度。签名将随任务一并保存，并收入此人的责任档案。</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>进度汇报(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>确认说明(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：已完成</translation>
    </message>
    <message>
        <source>%1: %2% done</source>
        <translation>%1：已完成 %2%</translation>
    </message>
    <message>
        <source>Say what you confirm.</source>
        <translation>请说明您确认的内容。</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>请输入密码以签名。</translation>
    </message>
</context>
<context>
    <name>baton::ConflictDetailPane</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>You tried</source>
        <translation>您的尝试</translation>
    </message>
    <message>
        <source>What won (on this device now)</source>
        <translation>最终结果（本设备当前值）</translation>
    </message>
    <message>
        <source>A refused change was taken back on this device; the record holds what the server holds. To make the change anyway, make it again if you still may.</source>
        <translation>被拒绝的更改已在本设备上撤回，记录内容与服务器一致。如仍要进行此更改，并且您仍有权限，请重新操作一次。</translation>
    </message>
    <message>
        <source>Select a refused change to see it in full.</source>
        <translation>选择一条被拒绝的更改以查看详情。</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>拒绝时间：%1</translation>
    </message>
    <message>
        <source>The server&apos;s reason: %1 (%2)</source>
        <translation>服务器给出的原因：%1（%2）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
</context>
<context>
    <name>baton::ConflictsModel</name>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>reading the refused changes</source>
        <translation>读取被拒绝的更改</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <source>Not on this device</source>
        <translation>不在本设备上</translation>
    </message>
    <message>
        <source>As the server has it</source>
        <translation>与服务器一致</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>您的更改</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>服务器给出的原因</translation>
    </message>
    <message>
        <source>What won</source>
        <translation>最终结果</translation>
    </message>
</context>
<context>
    <name>baton::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server refused, why, and what the record holds instead.</source>
        <translation>在这台电脑上所做、被服务器拒绝的更改，拒绝原因，以及记录现在的内容。</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>没有冲突</translation>
    </message>
    <message>
        <source>Every change made on this computer was accepted by the server, or is still waiting to be sent. A change the server refuses (say, two people decided the same approval) is listed here with the reason.</source>
        <translation>在这台电脑上所做的每项更改都已被服务器接受，或仍在等待发送。服务器拒绝的更改（例如两个人对同一审批作出了决定）会连同原因列在这里。</translation>
    </message>
</context>
<context>
    <name>baton::ConsequencesEditor</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>奖金</translation>
    </message>
    <message>
        <source>Training or title</source>
        <translation>培训或称号</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Indicator %1</source>
        <translation>指标 %1</translation>
    </message>
    <message>
        <source>Delivery late: -10% of the bonus</source>
        <translation>交付延迟：奖金 -10%</translation>
    </message>
</context>
<context>
    <name>baton::CyclePicker</name>
    <message>
        <source>%1 (%2, open)</source>
        <translation>%1（%2，进行中）</translation>
    </message>
    <message>
        <source>%1 (%2, closed)</source>
        <translation>%1（%2，已关闭）</translation>
    </message>
</context>
<context>
    <name>baton::DashboardCharts</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Score distribution (%1 reviewed)</source>
        <translation>得分分布（已考核 %1 人）</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message numerus="yes">
        <source>Score %1: %n people</source>
        <translation>
            <numerusform>得分 %1：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue categories (%n issues)</source>
        <translation>
            <numerusform>问题类别（%n 个问题）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n issues</source>
        <translation>
            <numerusform>%1：%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Causes of misses (%n not yet attributed)</source>
        <translation>
            <numerusform>未达成原因（%n 个尚未归因）</numerusform>
        </translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Indicator scores over cycles (mean, % of target)</source>
        <translation>各周期指标得分（平均值，占目标值的百分比）</translation>
    </message>
    <message>
        <source>Overdue rate (% of tasks due in the cycle)</source>
        <translation>逾期率（占本周期到期任务的百分比）</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n tasks late</source>
        <translation>
            <numerusform>%1：%n 个任务中有 %2 个逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::DashboardView</name>
    <message>
        <source>&amp;Include sub-departments</source>
        <translation>包含下级部门(&amp;I)</translation>
    </message>
    <message>
        <source>Click a bar, slice or point to see the people and items behind it.</source>
        <translation>点击柱形、扇区或数据点，查看其背后的人员和条目。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Dashboard as PNG image…</source>
        <translation>看板导出为 PNG 图片…</translation>
    </message>
    <message>
        <source>Dashboard as PDF…</source>
        <translation>看板导出为 PDF…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Dep&amp;artment:</source>
        <translation>部门(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;ycle:</source>
        <translation>周期(&amp;Y)：</translation>
    </message>
    <message>
        <source>Whole company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation>%1（进行中）</translation>
    </message>
    <message>
        <source>Dashboards show a department&apos;s results: they are for its managers and for HR.</source>
        <translation>看板显示部门的结果：仅供该部门的经理和人事查看。</translation>
    </message>
    <message>
        <source>There are no review cycles yet. HR opens one under Performance → Goals.</source>
        <translation>目前还没有考核周期。人事可在“绩效 → 目标”中开启。</translation>
    </message>
    <message>
        <source>No one in this department has a review result for %1 yet: the score distribution fills in when the cycle&apos;s reviews are done.</source>
        <translation>本部门尚无人有 %1 的考核结果：周期内的考核完成后，得分分布将会显示。</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>(not in this copy)</source>
        <translation>（不在此副本中）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Dashboard %1 %2</source>
        <translation>看板 %1 %2</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>导出看板</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Performance dashboard</source>
        <translation>绩效看板</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>baton::DecideCauseDialog</name>
    <message>
        <source>Confirm Cause</source>
        <translation>确认原因</translation>
    </message>
    <message>
        <source>Correct Cause</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>%1 stated: &lt;b&gt;%2&lt;/b&gt; — %3</source>
        <translation>%1 陈述：&lt;b&gt;%2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <source>No cause stated yet.</source>
        <translation>尚未陈述原因。</translation>
    </message>
    <message>
        <source>Your signature says that, as their supervisor, you agree with this cause.</source>
        <translation>你的签名表示，你作为其主管同意此原因。</translation>
    </message>
    <message>
        <source>Your signature says that, as their supervisor, you name another cause; their statement stays beside it.</source>
        <translation>你的签名表示，你作为其主管认定另一原因；其本人的陈述将一并保留。</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>&amp;Cause that stands:</source>
        <translation>最终认定的原因(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>说明(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Say what you confirm.</source>
        <translation>请说明你确认的内容。</translation>
    </message>
    <message>
        <source>Say why the cause is another.</source>
        <translation>请说明为何认定为其他原因。</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>请输入密码以签名。</translation>
    </message>
</context>
<context>
    <name>baton::DepartmentComboBox</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>baton::DepartmentEditor</name>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Take the department out of use; its history is kept</source>
        <translation>停用该部门；其历史记录会保留</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes you made to this department?</source>
        <translation>放弃对此部门所做的更改吗？</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>未保存。%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Retire department</source>
        <translation>停用部门</translation>
    </message>
    <message>
        <source>Retire %1? It will no longer be offered for new assignments; its history is kept.</source>
        <translation>停用 %1？停用后将不再用于新的任职安排；其历史记录会保留。</translation>
    </message>
    <message>
        <source>%1 was not retired. %2</source>
        <translation>%1 未停用。%2</translation>
    </message>
    <message>
        <source>%1 was retired.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>baton::DepartmentFields</name>
    <message>
        <source>For example ST3 or PRJ-E</source>
        <translation>例如 ST3 或 PRJ-E</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>上级部门</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Nothing: top of the organisation</source>
        <translation>无：组织架构最顶层</translation>
    </message>
    <message>
        <source>No head</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation>未知人员</translation>
    </message>
    <message>
        <source>Enter a short code for the department.</source>
        <translation>请输入部门的简短编码。</translation>
    </message>
    <message>
        <source>The department code may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation>部门编码只能包含字母、数字、“.”、“_”和“-”（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Enter the department&apos;s name.</source>
        <translation>请输入部门名称。</translation>
    </message>
    <message>
        <source>The name may be at most 120 characters long.</source>
        <translation>名称最多 120 个字符。</translation>
    </message>
    <message>
        <source>The head office is the top of the organisation and has no parent.</source>
        <translation>总部是组织架构的最顶层，没有上级部门。</translation>
    </message>
    <message>
        <source>Choose the department this one belongs to.</source>
        <translation>请选择此部门所属的上级部门。</translation>
    </message>
    <message>
        <source>A department cannot belong to itself.</source>
        <translation>部门不能隶属于自身。</translation>
    </message>
    <message>
        <source>A department cannot be moved below one of its own sub-departments.</source>
        <translation>部门不能移到其自身的下级部门之下。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (for example Asia/Shanghai).</source>
        <translation>“%1”不是已知的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>Choose the currency the department keeps its money in.</source>
        <translation>请选择该部门记账所用的币种。</translation>
    </message>
</context>
<context>
    <name>baton::DepartmentTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>baton::DesktopSession</name>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <source>Baton cannot open the database.</source>
        <translation>Baton 无法打开数据库。</translation>
    </message>
    <message>
        <source>That database could not be opened.</source>
        <translation>无法打开该数据库。</translation>
    </message>
    <message>
        <source>Your account was disabled, so you were signed out.</source>
        <translation>您的账号已被停用，因此已退出登录。</translation>
    </message>
    <message>
        <source>Your access ended on your departure date, so you were signed out.</source>
        <translation>您的访问权限已于离职日期终止，因此已退出登录。</translation>
    </message>
    <message>
        <source>Open Another Database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Open a Baton Database</source>
        <translation>打开 Baton 数据库</translation>
    </message>
    <message>
        <source>Baton databases (*.db *.baton);;All files (*)</source>
        <translation>Baton 数据库 (*.db *.baton);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>baton::EditWeightsDialog</name>
    <message>
        <source>Edit Weights</source>
        <translation>编辑权重</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Together:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>Save Weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>This plan has no goals to weigh.</source>
        <translation>该计划没有可设置权重的目标。</translation>
    </message>
    <message>
        <source>“%1” weighs 0%: every goal weighs something, or is removed.</source>
        <translation>“%1”的权重为 0%：每个目标都须有权重，否则请将其移除。</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeArchiveFields</name>
    <message>
        <source>Person</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>+86 21 5555 0100</source>
        <translation>+86 21 5555 0100</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>任职信息</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>最后工作日：</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Sales staff (sees only their own customers)</source>
        <translation>销售人员（只能查看自己的客户）</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Choose a department</source>
        <translation>请选择部门</translation>
    </message>
    <message>
        <source>No position</source>
        <translation>无岗位</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No manager</source>
        <translation>无直属上级</translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation>未知人员</translation>
    </message>
    <message>
        <source>%1 (outside this department&apos;s line)</source>
        <translation>%1（不在本部门汇报线内）</translation>
    </message>
    <message>
        <source>Choose a position to see its responsibilities.</source>
        <translation>选择岗位后即可查看其岗位职责。</translation>
    </message>
    <message>
        <source>No responsibilities are described for this position yet.</source>
        <translation>此岗位尚未填写岗位职责。</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeDetailPane</name>
    <message>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Employment history</source>
        <translation>任职履历</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>新员工</translation>
    </message>
    <message>
        <source>Fill in the archive and choose Add employee.</source>
        <translation>填写档案后，点击“添加员工”。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · signs in as %2</source>
        <translation>%1 · 登录名 %2</translation>
    </message>
    <message>
        <source>Responsibilities and tasks</source>
        <translation>职责与任务</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Select a person in the list to see their archive, employment history, responsibilities, tasks and reviews.</source>
        <translation>在列表中选择一个人员，查看其档案、任职经历、职责、任务和考核。</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeFilterBar</name>
    <message>
        <source>Find by name, number, e-mail or phone</source>
        <translation>按姓名、工号、电子邮箱或电话查找</translation>
    </message>
    <message>
        <source>Show the people of one department</source>
        <translation>显示某个部门的员工</translation>
    </message>
    <message>
        <source>Include sub-departments</source>
        <translation>包含下级部门</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A status filter chip: status title and how many people have it, e.g. &quot;Active (120)&quot;.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeForm</name>
    <message>
        <source>Show the saved version</source>
        <translation>显示已保存的版本</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The manager must work in the employee&apos;s department or a department above it.</source>
        <translation>直属上级必须在该员工所在部门或其上级部门任职。</translation>
    </message>
    <message>
        <source>Fill in the employee number, family name, given name and department to save.</source>
        <translation>请填写工号、姓、名和部门后再保存。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation>请更正标红的字段后再保存。</translation>
    </message>
    <message>
        <source>You may change only the e-mail, phone and English name in this archive.</source>
        <translation>在此档案中，您只能修改电子邮箱、电话和英文名。</translation>
    </message>
    <message>
        <source>This archive is read-only for you.</source>
        <translation>此档案对您只读。</translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>未保存任何内容。%1</translation>
    </message>
    <message>
        <source>Someone else saved changes to this archive while you were editing. Their changes are shown now; your unsaved edits are kept.</source>
        <translation>在您编辑期间，其他人保存了对此档案的更改。现已显示对方的更改；您未保存的编辑仍然保留。</translation>
    </message>
    <message>
        <source>Someone else changed %1 while you were editing. Your values are still in the form and will replace theirs if you save.</source>
        <translation>在您编辑期间，其他人修改了%1。您填写的值仍保留在表单中，保存后将覆盖对方的修改。</translation>
    </message>
    <message>
        <source>Mark as departed</source>
        <translation>标记为已离职</translation>
    </message>
    <message>
        <source>Mark %1 as departed? Their access to Baton ends on %2 (at once if that day has come). The archive and its history are kept.</source>
        <translation>确定将%1标记为已离职吗？其 Baton 访问权限将于 %2 终止（如该日已到，则立即终止）。员工档案及其历史记录会保留。</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeListExport</name>
    <message>
        <source>You are not permitted to export the employee list.</source>
        <translation>您无权导出员工名单。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit trail, so the file was removed: %1</source>
        <translation>导出操作无法记入审计日志，因此已删除导出的文件：%1</translation>
    </message>
    <message>
        <source>The list was saved to %1 (people listed: %2).</source>
        <translation>名单已保存到 %1（共 %2 人）。</translation>
    </message>
</context>
<context>
    <name>baton::EmployeePicker</name>
    <message>
        <source>Name or employee number</source>
        <translation>姓名或工号</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeReviewsView</name>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Rated by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>Reward or penalty</source>
        <translation>奖励或处罚</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reviews (%1)</source>
        <translation>考核（%1）</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Issues and causes</source>
        <translation>问题与原因</translation>
    </message>
    <message>
        <source>Issues and causes (%1)</source>
        <translation>问题与原因（%1）</translation>
    </message>
    <message>
        <source>Awards (%1)</source>
        <translation>奖惩（%1）</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>奖惩</translation>
    </message>
    <message>
        <source>Your role does not show this person&apos;s reviews.</source>
        <translation>你的角色无法查看此人员的考核。</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation>%1（进行中）</translation>
    </message>
    <message>
        <source>%1
Rule: %2
By %3, %4</source>
        <translation>%1
规则：%2
由 %3 于 %4</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, last day %2</source>
        <translation>%1，最后工作日 %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>baton::EmployeeWorkView</name>
    <message>
        <source>&lt;b&gt;Tasks&lt;/b&gt;</source>
        <translation>&lt;b&gt;任务&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>移交人</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Last confirmed</source>
        <translation>最近确认</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>新建任务(&amp;N)…</translation>
    </message>
    <message>
        <source>Give %1 a task (%2)</source>
        <translation>为 %1 分配任务（%2）</translation>
    </message>
    <message>
        <source>&amp;Report progress…</source>
        <translation>汇报进度(&amp;R)…</translation>
    </message>
    <message>
        <source>Report progress on your task (%1)</source>
        <translation>汇报您的任务进度（%1）</translation>
    </message>
    <message>
        <source>&amp;Confirm progress…</source>
        <translation>确认进度(&amp;C)…</translation>
    </message>
    <message>
        <source>Confirm the progress, signed, as the supervisor (%1)</source>
        <translation>以主管身份签名确认进度（%1）</translation>
    </message>
    <message>
        <source>Your role does not show this person&apos;s work.</source>
        <translation>您的角色无权查看此人的工作。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Handed over to %1</source>
        <translation>已移交给 %1</translation>
    </message>
    <message>
        <source>Confirmed by %1, signed</source>
        <translation>已由 %1 签名确认</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a task to see its progress reports and confirmations.</source>
        <translation>选择一项任务，即可查看其进度汇报和确认记录。</translation>
    </message>
    <message>
        <source>handed over to %1</source>
        <translation>已移交给 %1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>负责人 %1</translation>
    </message>
    <message>
        <source>responsibility: %1</source>
        <translation>职责：%1</translation>
    </message>
    <message>
        <source>customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; reported %2% (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 汇报进度 %2%（%3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; confirmed, signed: “%2” (%3%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已签名确认：“%2”（%3%）</translation>
    </message>
    <message>
        <source>No progress reported yet.</source>
        <translation>尚无进度汇报。</translation>
    </message>
    <message>
        <source>&amp;Add responsibility…</source>
        <translation>添加职责(&amp;A)…</translation>
    </message>
    <message>
        <source>Give %1 a responsibility of their own, for a period</source>
        <translation>为 %1 单独添加一项职责，并设定期限</translation>
    </message>
    <message>
        <source>&amp;End…</source>
        <translation>结束(&amp;E)…</translation>
    </message>
    <message>
        <source>End the selected responsibility; it stays in the archive</source>
        <translation>结束所选职责；该职责仍保留在档案中</translation>
    </message>
    <message>
        <source>From &amp;position description</source>
        <translation>按岗位说明书添加(&amp;P)</translation>
    </message>
    <message>
        <source>Give %1 the responsibilities of their position they do not hold yet</source>
        <translation>为 %1 添加其岗位中尚未承担的职责</translation>
    </message>
    <message>
        <source>From Position Description</source>
        <translation>按岗位说明书添加</translation>
    </message>
    <message>
        <source>%1 holds every responsibility of their position description already.</source>
        <translation>%1 已承担其岗位说明书中的全部职责。</translation>
    </message>
    <message numerus="yes">
        <source>%n responsibility(s) of the position description given to %1 from today.</source>
        <translation>
            <numerusform>已将岗位说明书中的 %n 项职责分配给 %1，自今日起生效。</numerusform>
        </translation>
    </message>
    <message>
        <source>Responsibilities over time</source>
        <translation>各时期职责</translation>
    </message>
    <message>
        <source>Responsibilities over time (%1)</source>
        <translation>各时期职责（%1）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers (%1)</source>
        <translation>客户（%1）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Co&amp;mment on task…</source>
        <translation>评论任务(&amp;M)…</translation>
    </message>
    <message>
        <source>Comment on the task as the supervisor; comments are kept as written (%1)</source>
        <translation>以主管身份评论该任务；评论一经提交即按原样保存（%1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; commented: “%2”</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 评论：“%2”</translation>
    </message>
    <message>
        <source>%1&apos;s task “%2”</source>
        <translation>%1 的任务“%2”</translation>
    </message>
</context>
<context>
    <name>baton::EmploymentHistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>变更项</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>baton::EmploymentHistoryView</name>
    <message>
        <source>Include changes to names and contact details</source>
        <translation>包括姓名和联系方式的变更</translation>
    </message>
    <message>
        <source>Select an employee to see their employment history.</source>
        <translation>选择一名员工，查看其任职履历。</translation>
    </message>
    <message>
        <source>No changes have been recorded for this employee yet.</source>
        <translation>该员工尚无变更记录。</translation>
    </message>
</context>
<context>
    <name>baton::EndDutyDialog</name>
    <message>
        <source>End Responsibility</source>
        <translation>结束职责</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, held since %2. It stays in the archive with its period.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，自 %2 起承担。该职责及其期间仍将保留在档案中。</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>最后一天(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>baton::FeedbackInboxView</name>
    <message>
        <source>About</source>
        <translation>评价对象</translation>
    </message>
    <message>
        <source>You answer as</source>
        <translation>你的回答身份</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>邀请人</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>邀请日期</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked of you&lt;/b&gt;</source>
        <translation>&lt;b&gt;邀请你回答的&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked of you (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;邀请你回答的（%1）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>回答(&amp;A)…</translation>
    </message>
    <message>
        <source>Answer the selected request (%1)</source>
        <translation>回答所选邀请（%1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your 360 feedback&lt;/b&gt;</source>
        <translation>&lt;b&gt;你的 360 度反馈&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing waiting on you</source>
        <translation>暂无待你处理的事项</translation>
    </message>
    <message>
        <source>When you are asked for feedback on a colleague, or to enter a customer&apos;s answer, the request appears here.</source>
        <translation>当有人请你对同事给出反馈，或请你录入客户的回答时，请求会显示在这里。</translation>
    </message>
    <message>
        <source>%1, for %2</source>
        <translation>%1，针对 %2</translation>
    </message>
    <message>
        <source>Your feedback appears here once a review cycle is open.</source>
        <translation>考核周期开启后，你的反馈会显示在这里。</translation>
    </message>
</context>
<context>
    <name>baton::FirstRunDialog</name>
    <message>
        <source>Set up Baton</source>
        <translation>Baton 初始设置</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This database is new.&lt;/b&gt; Choose the login and password of its administrator: the account that creates departments, user accounts and roles.&lt;/p&gt;&lt;p&gt;Keep the password somewhere safe. Baton stores only a verifier, so nobody can recover a forgotten password; another administrator can set a new one.&lt;/p&gt;&lt;p&gt;Database: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;这是一个新数据库。&lt;/b&gt;请设置其系统管理员的登录名和密码：系统管理员账号负责创建部门、用户账号和角色。&lt;/p&gt;&lt;p&gt;请妥善保管密码。Baton 只保存密码校验值，任何人都无法找回遗忘的密码；但其他系统管理员可以为其设置新密码。&lt;/p&gt;&lt;p&gt;数据库：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Administrator &amp;login:</source>
        <translation>系统管理员登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建系统管理员(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>A login uses 2 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</source>
        <translation>登录名须为 2 至 64 个字符，只能使用小写字母、数字、“.”、“_”或“-”，且须以字母或数字开头。</translation>
    </message>
    <message>
        <source>&amp;Join a Server...</source>
        <translation>加入服务器(&amp;J)...</translation>
    </message>
    <message>
        <source>Your organisation already uses Baton: sign in to its server instead of creating an administrator here.</source>
        <translation>贵单位已在使用 Baton：请登录其服务器，而不是在这里创建系统管理员。</translation>
    </message>
</context>
<context>
    <name>baton::GanttChart</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message numerus="yes">
        <source>Planned: %1 – %2 (%n day(s))</source>
        <translation>
            <numerusform>计划：%1 – %2（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>截止：%1</translation>
    </message>
    <message>
        <source>Actual: %1 – %2</source>
        <translation>实际：%1 – %2</translation>
    </message>
    <message>
        <source>Actual: started %1</source>
        <translation>实际：%1 开始</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Progress: %1%</source>
        <translation>进度：%1%</translation>
    </message>
    <message>
        <source>On the critical path (no float)</source>
        <translation>位于关键路径上（无浮动时间）</translation>
    </message>
    <message numerus="yes">
        <source>Total float: %n day(s)</source>
        <translation>
            <numerusform>总浮动时间：%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::GanttEditor</name>
    <message>
        <source>Resize “%1”</source>
        <translation>调整“%1”的时长</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>移动“%1”</translation>
    </message>
    <message>
        <source>Could not undo: %1</source>
        <translation>无法撤销：%1</translation>
    </message>
    <message>
        <source>Could not redo: %1</source>
        <translation>无法重做：%1</translation>
    </message>
    <message numerus="yes">
        <source>“%1” now runs from %2 to %3; %n other task(s) moved with it.</source>
        <translation>
            <numerusform>“%1”现为 %2 至 %3；另有 %n 个任务随之移动。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” now runs from %2 to %3.</source>
        <translation>“%1”现为 %2 至 %3。</translation>
    </message>
    <message>
        <source>Undone: “%1” and the tasks moved with it have their earlier dates again.</source>
        <translation>已撤销：“%1”及随之移动的任务已恢复原先的日期。</translation>
    </message>
    <message>
        <source>Redone: “%1” moved again.</source>
        <translation>已重做：“%1”已再次移动。</translation>
    </message>
</context>
<context>
    <name>baton::GanttRowModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>baton::GoalsView</name>
    <message>
        <source>&amp;Cycle:</source>
        <translation>考核周期(&amp;C)：</translation>
    </message>
    <message>
        <source>New Cycle…</source>
        <translation>新建考核周期…</translation>
    </message>
    <message>
        <source>Close Cycle</source>
        <translation>关闭考核周期</translation>
    </message>
    <message>
        <source>New Goal…</source>
        <translation>新建目标…</translation>
    </message>
    <message>
        <source>Assign to Department or Position…</source>
        <translation>分配给部门或岗位…</translation>
    </message>
    <message>
        <source>Edit Weights…</source>
        <translation>编辑权重…</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖度</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>Outside any cycle</source>
        <translation>不属于任何考核周期</translation>
    </message>
    <message>
        <source>Goals are set by HR and managers. Your own goals are on your work board.</source>
        <translation>目标由人事和经理设定。你自己的目标在你的工作看板上。</translation>
    </message>
    <message>
        <source>No review cycles yet. HR opens one with New Cycle…, then sets the company&apos;s goals in it.</source>
        <translation>尚无考核周期。人事通过“新建考核周期…”开启一个周期，然后在其中设定公司目标。</translation>
    </message>
    <message>
        <source>No goals in this cycle yet. Add the company&apos;s and departments&apos; goals with New Goal…, then hand a department goal to its people in one step with Assign to Department or Position…</source>
        <translation>此考核周期中尚无目标。请通过“新建目标…”添加公司和部门的目标，再通过“分配给部门或岗位…”一步将部门目标分配给相关人员。</translation>
    </message>
    <message>
        <source>%1: target %2, latest %3</source>
        <translation>%1：目标值 %2，最新 %3</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Scored from the goals aligned to it, each person or department counting the same.</source>
        <translation>根据与之对齐的目标计分，每个人或部门权重相同。</translation>
    </message>
    <message>
        <source>Not counted in “%1”, which is measured by its key results.</source>
        <translation>不计入“%1”，该目标按其关键结果衡量。</translation>
    </message>
    <message>
        <source>Close Review Cycle</source>
        <translation>关闭考核周期</translation>
    </message>
    <message>
        <source>Close “%1”? Its goals, indicators and values then stay as they are, for good.</source>
        <translation>关闭“%1”？关闭后，其目标、指标和数值将永久保持不变。</translation>
    </message>
    <message>
        <source>Edit Weights</source>
        <translation>编辑权重</translation>
    </message>
</context>
<context>
    <name>baton::HandoverDetailPane</name>
    <message>
        <source>Checklist</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>发起于 %1</translation>
    </message>
    <message>
        <source>started %1 by %2</source>
        <translation>由 %2 发起于 %1</translation>
    </message>
    <message>
        <source>Checklist (%1)</source>
        <translation>交接清单（%1）</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Cancelled before it was submitted for sign-off.</source>
        <translation>在提交签批前已取消。</translation>
    </message>
    <message>
        <source>Not submitted yet: the checklist can still change. Once submitted, the leaver, the successors and the supervisor each sign it.</source>
        <translation>尚未提交：交接清单仍可修改。提交后，离职人员、接任人和主管将分别签字。</translation>
    </message>
    <message>
        <source>%1 — waiting on %2 (%3)</source>
        <translation>%1 — 等待 %2 处理（%3）</translation>
    </message>
    <message>
        <source>%1 (decided by %2)</source>
        <translation>%1（由 %2 决定）</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation>第 %1 轮：%2</translation>
    </message>
    <message>
        <source>Departure:</source>
        <translation>离职日期：</translation>
    </message>
    <message>
        <source>Successors:</source>
        <translation>接任人：</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>离职原因：</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签批</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处理时间</translation>
    </message>
</context>
<context>
    <name>baton::HandoversModel</name>
    <message>
        <source>Reason: %1</source>
        <translation>离职原因：%1</translation>
    </message>
    <message>
        <source>The leaver&apos;s access has ended; the handover is not complete.</source>
        <translation>离职人员的访问权限已终止，但工作交接尚未完成。</translation>
    </message>
    <message>
        <source>Leaver</source>
        <translation>离职人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>发起时间</translation>
    </message>
</context>
<context>
    <name>baton::HandoversPage</name>
    <message>
        <source>Not yet: the sign-off waits on %1 (%2).</source>
        <translation>尚不能完成：签批正在等待 %1 处理（%2）。</translation>
    </message>
    <message>
        <source>Not yet: the sign-off is not approved.</source>
        <translation>尚不能完成：签批尚未通过。</translation>
    </message>
    <message>
        <source>Move the work on the checklist to its receivers, once the sign-off is approved</source>
        <translation>签批通过后，将交接清单上的工作移交给各接收人</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 项工作交接</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Departure…</source>
        <translation>办理离职…</translation>
    </message>
    <message>
        <source>No handover matches &quot;%1&quot;</source>
        <translation>没有与“%1”匹配的工作交接</translation>
    </message>
    <message>
        <source>Search by the leaver&apos;s name or number, or their department.</source>
        <translation>可按离职人员的姓名、工号或所在部门搜索。</translation>
    </message>
    <message>
        <source>No departures in progress</source>
        <translation>暂无进行中的离职</translation>
    </message>
    <message>
        <source>When someone leaves, start their departure here: Baton lists their tasks, customers, responsibilities and waiting approvals for the successors to take over.</source>
        <translation>员工离职时，请在此办理离职：Baton 会列出其任务、客户、岗位职责和待处理的审批，供接任人接手。</translation>
    </message>
    <message>
        <source>Nothing waits for sign-off</source>
        <translation>暂无待签批的工作交接</translation>
    </message>
    <message>
        <source>Handovers submitted for sign-off wait here until the leaver, the successors and the supervisor have signed.</source>
        <translation>已提交签批的工作交接会在此等待，直至离职人员、接任人和主管全部签字。</translation>
    </message>
    <message>
        <source>No completed handovers yet</source>
        <translation>暂无已完成的工作交接</translation>
    </message>
    <message>
        <source>Signed and completed handovers are kept here for good, with who received what.</source>
        <translation>已签字并完成的工作交接会永久保存在此，并记录谁接收了哪些事项。</translation>
    </message>
    <message>
        <source>No cancelled departures</source>
        <translation>暂无已取消的离职</translation>
    </message>
    <message>
        <source>A departure that does not happen is cancelled, not deleted: it stays here.</source>
        <translation>未实际发生的离职只会被取消而不会被删除，并保留在此。</translation>
    </message>
    <message>
        <source>No departures yet</source>
        <translation>暂无离职记录</translation>
    </message>
    <message>
        <source>Every departure you may see appears here: those of your department, and those that name you.</source>
        <translation>您有权查看的所有离职都会显示在这里：您所在部门的离职，以及指定了您的离职。</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>工作交接</translation>
    </message>
    <message>
        <source>Departures and what each leaver hands over to whom, signed off by the leaver, the successors and the supervisor.</source>
        <translation>员工离职及每位离职人员向谁移交了哪些工作，由离职人员、接任人和主管签批。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Waiting for sign-off</source>
        <translation>待签批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Search leaver or department</source>
        <translation>搜索离职人员或部门</translation>
    </message>
    <message>
        <source>Start one or several departures, with their pre-filled handover checklists</source>
        <translation>为一名或多名员工办理离职，并预填其交接清单</translation>
    </message>
    <message>
        <source>Add Item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Add a line to the checklist</source>
        <translation>向交接清单添加一项</translation>
    </message>
    <message>
        <source>Change Receiver…</source>
        <translation>更改接收人…</translation>
    </message>
    <message>
        <source>Give the selected line to someone else</source>
        <translation>将所选事项改由其他人接收</translation>
    </message>
    <message>
        <source>Remove Item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Take the selected line off the checklist</source>
        <translation>从交接清单中删除所选事项</translation>
    </message>
    <message>
        <source>Submit for Sign-off</source>
        <translation>提交签批</translation>
    </message>
    <message>
        <source>Send the checklist to the leaver, the successors and the supervisor to sign; it no longer changes after that</source>
        <translation>将交接清单发送给离职人员、接任人和主管签字；此后清单不能再更改</translation>
    </message>
    <message>
        <source>Complete Handover</source>
        <translation>完成交接</translation>
    </message>
    <message>
        <source>Cancel Departure…</source>
        <translation>取消离职…</translation>
    </message>
    <message>
        <source>The departure does not happen: keep the case, marked cancelled</source>
        <translation>该离职不再进行：保留记录并标记为已取消</translation>
    </message>
    <message>
        <source>Open Sign-off in Approvals</source>
        <translation>在“审批”中打开签批</translation>
    </message>
    <message>
        <source>Show the handover&apos;s sign-off request in Approvals</source>
        <translation>在“审批”中显示此工作交接的签批申请</translation>
    </message>
    <message>
        <source>Who Receives It</source>
        <translation>选择接收人</translation>
    </message>
    <message>
        <source>Change Receiver</source>
        <translation>更改接收人</translation>
    </message>
    <message>
        <source>Cancel Departure</source>
        <translation>取消离职</translation>
    </message>
    <message>
        <source>Cancel the departure of %1? They stay employed and their access no longer ends; the case is kept, marked cancelled. A sign-off nobody has decided yet is withdrawn.</source>
        <translation>取消 %1 的离职？该员工将继续在职，其访问权限不再终止；该记录会保留并标记为已取消。尚无人审批的签批申请将被撤回。</translation>
    </message>
</context>
<context>
    <name>baton::HttpFront</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>baton::ImportProgressDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing into the work trail: %1 of %2</source>
        <translation>正在导入工作轨迹：%1 / %2</translation>
    </message>
    <message>
        <source>Cancelling after the items being written…</source>
        <translation>正在取消，当前记录写入完成后即停止…</translation>
    </message>
</context>
<context>
    <name>baton::ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing more could be imported: %1</source>
        <translation>无法继续导入：%1</translation>
    </message>
    <message>
        <source>Items imported: %1 (of which files: %2).</source>
        <translation>已导入记录：%1 项（其中文件 %2 个）。</translation>
    </message>
    <message>
        <source>The import was cancelled; what was imported before stays in the work trail.</source>
        <translation>导入已取消；此前已导入的内容仍保留在工作轨迹中。</translation>
    </message>
    <message>
        <source>Left out: %1. Each is listed below with the reason.</source>
        <translation>未导入：%1 项。下方逐项列出了原因。</translation>
    </message>
    <message>
        <source>Nothing was left out.</source>
        <translation>没有遗漏任何内容。</translation>
    </message>
    <message>
        <source>File or message</source>
        <translation>文件或消息</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>baton::IndicatorsEditor</name>
    <message>
        <source>Metric</source>
        <translation>度量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add Indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>On-time delivery rate</source>
        <translation>按时交付率</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>equal share</source>
        <translation>平均分配</translation>
    </message>
</context>
<context>
    <name>baton::IssueTree</name>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;State cause…</source>
        <translation>说明原因(&amp;S)…</translation>
    </message>
    <message>
        <source>Say what caused this issue in your work (%1)</source>
        <translation>说明你工作中这一问题的原因（%1）</translation>
    </message>
    <message>
        <source>C&amp;onfirm cause…</source>
        <translation>确认原因(&amp;O)…</translation>
    </message>
    <message>
        <source>Agree with the cause stated, signed (%1)</source>
        <translation>同意所述原因，并签名（%1）</translation>
    </message>
    <message>
        <source>Co&amp;rrect cause…</source>
        <translation>更正原因(&amp;R)…</translation>
    </message>
    <message>
        <source>Name another cause, signed; the statement stays (%1)</source>
        <translation>指出另一原因，并签名；原说明保留（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>baton::JoinServerDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Join a Baton Server</source>
        <translation>加入 Baton 服务器</translation>
    </message>
    <message>
        <source>Sign in with your account on your organisation&apos;s Baton server. This computer receives what your account may see, and you can then sign in here, offline too.</source>
        <translation>请使用您在贵单位 Baton 服务器上的账号登录。这台电脑将收到您的账号有权查看的内容，之后您即可在这里登录，离线时也可以。</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Signed in, but the accounts have not arrived yet: %1</source>
        <translation>已登录，但账号数据尚未到达：%1</translation>
    </message>
</context>
<context>
    <name>baton::LoginDialog</name>
    <message>
        <source>Sign in to Baton</source>
        <translation>登录 Baton</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>baton::MainWindow</name>
    <message>
        <source>About Baton</source>
        <translation>关于 Baton</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Baton %1&lt;/h3&gt;&lt;p&gt;Traceable responsibility for HR: archives, handovers and approvals, on- and offline.&lt;/p&gt;&lt;p&gt;When someone leaves, what they were responsible for, what they handed over and who approved it can be shown later, and proven.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Baton %1&lt;/h3&gt;&lt;p&gt;可追溯的人事责任管理：员工档案、工作交接与审批，在线离线均可使用。&lt;/p&gt;&lt;p&gt;员工离职后，其负责过哪些工作、移交了什么、由谁审批，事后都能查明，并有据可证。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>1 employee is leaving</source>
        <translation>1 名员工即将离职</translation>
    </message>
    <message>
        <source>%1 employees are leaving</source>
        <translation>%1 名员工即将离职</translation>
    </message>
    <message>
        <source>%1 - Baton</source>
        <translation>%1 - Baton</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Another Database...</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Sign Out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Baton</source>
        <translation>关于 Baton(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>1 change was refused by the server</source>
        <translation>1 项更改被服务器拒绝</translation>
    </message>
    <message>
        <source>%1 changes were refused by the server</source>
        <translation>%1 项更改被服务器拒绝</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>1 request waits on you</source>
        <translation>1 项申请待您处理</translation>
    </message>
    <message>
        <source>%1 requests wait on you</source>
        <translation>%1 项申请待您处理</translation>
    </message>
    <message>
        <source>1 warning is open</source>
        <translation>有 1 条预警未处理</translation>
    </message>
    <message>
        <source>%1 warnings are open</source>
        <translation>有 %1 条预警未处理</translation>
    </message>
</context>
<context>
    <name>baton::NewCycleDialog</name>
    <message>
        <source>New Review Cycle</source>
        <translation>新建考核周期</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Open Cycle</source>
        <translation>开启考核周期</translation>
    </message>
    <message>
        <source>Give the review cycle a title.</source>
        <translation>请为考核周期填写标题。</translation>
    </message>
    <message>
        <source>A review cycle cannot end before it begins.</source>
        <translation>考核周期的结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>baton::NewGoalDialog</name>
    <message>
        <source>New Goal</source>
        <translation>新建目标</translation>
    </message>
    <message>
        <source>equal share</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <source>Its share of its owner&apos;s goals for the cycle; the others keep their proportions in the rest.</source>
        <translation>该目标在其负责人本周期目标中所占的比重；其余目标按原有比例分配剩余部分。</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Aligned to:</source>
        <translation>对齐到(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>De&amp;tail:</source>
        <translation>详情(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators&lt;/b&gt;</source>
        <translation>&lt;b&gt;指标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consequences&lt;/b&gt;</source>
        <translation>&lt;b&gt;奖惩后果&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add Goal</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>(none: a goal of its own)</source>
        <translation>（无：独立目标）</translation>
    </message>
    <message>
        <source>Give the goal a title.</source>
        <translation>请为目标填写标题。</translation>
    </message>
    <message>
        <source>Choose the department whose goal it is.</source>
        <translation>请选择该目标所属的部门。</translation>
    </message>
    <message>
        <source>Choose whose goal it is.</source>
        <translation>请选择该目标属于谁。</translation>
    </message>
    <message>
        <source>A key result belongs to an objective: choose which.</source>
        <translation>关键结果隶属于某个目标，请选择所属目标。</translation>
    </message>
    <message>
        <source>Say how the goal is measured: add an indicator.</source>
        <translation>请说明目标如何衡量：添加一个指标。</translation>
    </message>
    <message>
        <source>Name every indicator&apos;s metric.</source>
        <translation>请为每个指标填写度量名称。</translation>
    </message>
</context>
<context>
    <name>baton::NewPasswordFields</name>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Type the password again to confirm it.</source>
        <translation>请再次输入密码以确认。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation>两次输入的密码一致。</translation>
    </message>
</context>
<context>
    <name>baton::NewTaskDialog</name>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>New Task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>For &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>负责人：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Responsibility:</source>
        <translation>职责(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>详细说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请填写任务标题。</translation>
    </message>
    <message>
        <source>A task cannot be due before it starts.</source>
        <translation>任务的截止日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>baton::OrganisationDialog</name>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Departments and stores</source>
        <translation>部门与门店</translation>
    </message>
    <message>
        <source>Positions and responsibilities</source>
        <translation>岗位与职责</translation>
    </message>
</context>
<context>
    <name>baton::PasswordForm</name>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <source>Your account may not change its own password. Ask an administrator to set a new one.</source>
        <translation>您的账号不能自行修改密码。请联系系统管理员为您设置新密码。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one the next time you sign in.</source>
        <translation>密码已修改。下次登录时请使用新密码。</translation>
    </message>
    <message>
        <source>Your password was changed, but your signing key could not be re-sealed with it: %1</source>
        <translation>密码已修改，但无法用新密码重新加密您的签名密钥：%1</translation>
    </message>
</context>
<context>
    <name>baton::PeoplePage</name>
    <message>
        <source>New employee</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>Add an employee&apos;s archive (%1)</source>
        <translation>添加员工档案（%1）</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <source>Save the people listed, as filtered, to a CSV file</source>
        <translation>将当前筛选出的员工名单保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation>组织架构…</translation>
    </message>
    <message>
        <source>Departments, branch stores and positions</source>
        <translation>部门、门店和岗位</translation>
    </message>
    <message>
        <source>No one matches</source>
        <translation>无匹配人员</translation>
    </message>
    <message>
        <source>No employee matches the department and status chosen.</source>
        <translation>没有符合所选部门和状态的员工。</translation>
    </message>
    <message>
        <source>No employee matches &quot;%1&quot; with the department and status chosen.</source>
        <translation>在所选部门和状态中，没有与“%1”匹配的员工。</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No employees yet</source>
        <translation>暂无员工</translation>
    </message>
    <message>
        <source>Employee archives you may see are listed here.</source>
        <translation>您有权查看的员工档案会列在这里。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This archive has changes that are not saved yet.</source>
        <translation>此档案有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before you leave it?</source>
        <translation>离开前要保存吗？</translation>
    </message>
    <message>
        <source>employees-%1.csv</source>
        <extracomment>Default file name of the employee list export; keep it short and without spaces.</extracomment>
        <translation>员工名单-%1.csv</translation>
    </message>
    <message>
        <source>Export the employee list</source>
        <translation>导出员工名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Employees: %1</source>
        <translation>员工人数：%1</translation>
    </message>
    <message>
        <source>Work trail…</source>
        <translation>工作轨迹…</translation>
    </message>
    <message>
        <source>The selected person&apos;s emails, chats and documents (%1)</source>
        <translation>所选人员的邮件、聊天记录和文档（%1）</translation>
    </message>
    <message>
        <source>Case questions…</source>
        <translation>责任追溯…</translation>
    </message>
    <message>
        <source>Who was responsible on a date, what was handed over and who signed it (%1)</source>
        <translation>查询某一日期由谁负责、移交了什么以及由谁签字（%1）</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>请先在列表中选择一名人员。</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>导出责任档案…</translation>
    </message>
    <message>
        <source>The selected person&apos;s responsibility dossier (PDF) with its evidence bundle (%1)</source>
        <translation>所选人员的责任档案（PDF）及证据包（%1）</translation>
    </message>
</context>
<context>
    <name>baton::PerformancePage</name>
    <message>
        <source>Performance</source>
        <translation>绩效</translation>
    </message>
    <message>
        <source>Goals and their indicators, reports, feedback and reviews: responsibility kept in view before it is missed.</source>
        <translation>目标及其指标、汇报、反馈和考核：让职责始终在视野之内，避免疏漏。</translation>
    </message>
    <message>
        <source>&amp;Work board</source>
        <translation>工作看板(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>汇报(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>反馈(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <source>Re&amp;views</source>
        <translation>考核(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>看板(&amp;D)</translation>
    </message>
</context>
<context>
    <name>baton::PersonField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>不指定人员</translation>
    </message>
</context>
<context>
    <name>baton::PlanTaskDialog</name>
    <message>
        <source>New Subtask</source>
        <translation>新建子任务</translation>
    </message>
    <message>
        <source>New Task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Whose Task</source>
        <translation>任务归属</translation>
    </message>
    <message>
        <source>Subtask of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的子任务</translation>
    </message>
    <message>
        <source>In &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>所属：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;etail:</source>
        <translation>详情(&amp;E)：</translation>
    </message>
    <message>
        <source>Add subtask</source>
        <translation>添加子任务</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>请为任务填写标题。</translation>
    </message>
    <message>
        <source>Choose whose task it is.</source>
        <translation>请选择该任务属于谁。</translation>
    </message>
    <message>
        <source>A task cannot be due before it starts.</source>
        <translation>任务的截止日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>A subtask lies within “%1” (%2 – %3).</source>
        <translation>子任务须在“%1”的时间范围内（%2 – %3）。</translation>
    </message>
</context>
<context>
    <name>baton::PositionEditor</name>
    <message>
        <source>New position</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>岗位概述</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>不限部门</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes you made to this position?</source>
        <translation>放弃对此岗位所做的更改吗？</translation>
    </message>
    <message>
        <source>Enter a short code for the position, for example PM-SR.</source>
        <translation>请输入岗位的简短编码，例如 PM-SR。</translation>
    </message>
    <message>
        <source>The position code may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation>岗位编码只能包含字母、数字、“.”、“_”和“-”（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Enter the position&apos;s title.</source>
        <translation>请输入岗位名称。</translation>
    </message>
    <message>
        <source>The title may be at most 120 characters long.</source>
        <translation>岗位名称最多 120 个字符。</translation>
    </message>
    <message>
        <source>The grade may be at most 32 characters long.</source>
        <translation>职级最多 32 个字符。</translation>
    </message>
    <message>
        <source>The summary may be at most 4000 characters long.</source>
        <translation>岗位概述最多 4000 个字符。</translation>
    </message>
    <message>
        <source>Add position</source>
        <translation>添加岗位</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>未保存。%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Retire position</source>
        <translation>停用岗位</translation>
    </message>
    <message>
        <source>Retire %1? It will no longer be offered for new assignments; people who hold it keep it until they are moved, and its history is kept.</source>
        <translation>停用 %1？停用后将不再用于新的任职安排；现任人员在调岗前仍保留该岗位，其历史记录也会保留。</translation>
    </message>
    <message>
        <source>%1 was not retired. %2</source>
        <translation>%1 未停用。%2</translation>
    </message>
    <message>
        <source>%1 was retired.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>baton::PositionTableModel</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>岗位职责</translation>
    </message>
</context>
<context>
    <name>baton::ProjectDialog</name>
    <message>
        <source>Moving a task moves the tasks that depend on it</source>
        <translation>移动任务时，依赖它的任务随之移动</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Who Is Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>编号(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>负责人(&amp;R)：</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>部门(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;etail:</source>
        <translation>详情(&amp;E)：</translation>
    </message>
    <message>
        <source>Create project</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <source>Give the project a title.</source>
        <translation>请为项目填写标题。</translation>
    </message>
    <message>
        <source>Choose who is responsible for the project.</source>
        <translation>请选择项目负责人。</translation>
    </message>
    <message>
        <source>Choose the project&apos;s department.</source>
        <translation>请选择项目所属部门。</translation>
    </message>
    <message>
        <source>A project cannot be due before it starts.</source>
        <translation>项目的截止日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>baton::ProjectListModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 个逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>baton::ProjectsPage</name>
    <message>
        <source>responsible: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n 个任务逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>No tasks yet: add the first with New Task… (%1).</source>
        <translation>尚无任务：通过“新建任务…”添加第一个任务（%1）。</translation>
    </message>
    <message>
        <source>No tasks planned yet.</source>
        <translation>尚未计划任何任务。</translation>
    </message>
    <message>
        <source>No projects yet</source>
        <translation>尚无项目</translation>
    </message>
    <message>
        <source>Plan a project as tasks and subtasks with owners, dates and dependencies, and follow it on a Gantt chart.</source>
        <translation>将项目规划为任务和子任务，设定负责人、日期和依赖，并在甘特图上跟踪进展。</translation>
    </message>
    <message>
        <source>The projects of your department, and those you work on, appear here.</source>
        <translation>你所在部门的项目以及你参与的项目会显示在这里。</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Plans with owners, dates and dependencies: drag a bar to move it, and the tasks after it follow.</source>
        <translation>包含负责人、日期和依赖的计划：拖动条形即可移动，其后的任务随之调整。</translation>
    </message>
    <message>
        <source>Filter projects by title, code, owner or department</source>
        <translation>按标题、编号、负责人或部门筛选项目</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Start a project plan</source>
        <translation>开始一个项目计划</translation>
    </message>
    <message>
        <source>New Task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Add a task to the plan</source>
        <translation>向计划中添加任务</translation>
    </message>
    <message>
        <source>New Subtask…</source>
        <translation>新建子任务…</translation>
    </message>
    <message>
        <source>Add a subtask under the selected task</source>
        <translation>在所选任务下添加子任务</translation>
    </message>
    <message>
        <source>Add Dependency…</source>
        <translation>添加依赖…</translation>
    </message>
    <message>
        <source>Make a task wait until another has ended</source>
        <translation>让一个任务等待另一个任务结束后再开始</translation>
    </message>
    <message>
        <source>Remove Dependency…</source>
        <translation>移除依赖…</translation>
    </message>
    <message>
        <source>Take away a dependency of the selected task</source>
        <translation>移除所选任务的一项依赖</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Show fewer days, in more detail</source>
        <translation>显示更少的天数、更多的细节</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Show more days</source>
        <translation>显示更多天数</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Scroll the chart to today</source>
        <translation>将图表滚动到今天</translation>
    </message>
    <message>
        <source>Critical Path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <source>Outline the tasks that cannot slip without delaying the project</source>
        <translation>标出一旦延误就会拖延整个项目的任务</translation>
    </message>
    <message>
        <source>Move Dependent Tasks Too</source>
        <translation>同时移动依赖任务</translation>
    </message>
    <message>
        <source>When a task moves, the tasks that depend on it move as far as needed (this project&apos;s setting)</source>
        <translation>移动任务时，依赖它的任务按需顺延（本项目的设置）</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save the whole chart as an image</source>
        <translation>将整个图表保存为图片</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save the chart as PDF pages</source>
        <translation>将图表保存为 PDF 页面</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the chart</source>
        <translation>打印图表</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the chart as an image or PDF, or print it</source>
        <translation>将图表保存为图片或 PDF，或打印</translation>
    </message>
    <message>
        <source>Undo the last move (%1)</source>
        <translation>撤销上一次移动（%1）</translation>
    </message>
    <message>
        <source>Redo the move undone (%1)</source>
        <translation>重做已撤销的移动（%1）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Zoom: %1 and %2, or Ctrl+wheel on the chart</source>
        <translation>缩放：%1 和 %2，或在图表上按 Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Dependency added.</source>
        <translation>已添加依赖。</translation>
    </message>
    <message>
        <source>The selected task has no dependencies to remove.</source>
        <translation>所选任务没有可移除的依赖。</translation>
    </message>
    <message>
        <source>Dependency removed.</source>
        <translation>已移除依赖。</translation>
    </message>
    <message>
        <source>Moving a task now moves the tasks that depend on it.</source>
        <translation>现在移动任务时，依赖它的任务会随之移动。</translation>
    </message>
    <message>
        <source>Moving a task now leaves the tasks after it where they are.</source>
        <translation>现在移动任务时，其后的任务保持不动。</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Export Chart as PDF</source>
        <translation>将图表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Print Chart</source>
        <translation>打印图表</translation>
    </message>
</context>
<context>
    <name>baton::RateDialog</name>
    <message>
        <source>Rate</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Indicators %1 · 360 feedback %2</source>
        <translation>指标 %1 · 360 度反馈 %2</translation>
    </message>
    <message>
        <source>Weighted %1 indicators, %2 feedback, %3 your rating; a part without data leaves its weight to the others.</source>
        <translation>加权：指标 %1，反馈 %2，你的评分 %3；缺少数据的部分，其权重分给其余部分。</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>组成：</translation>
    </message>
    <message>
        <source>&amp;Your rating:</source>
        <translation>你的评分(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评语(&amp;C)：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>score %1, grade %2</source>
        <translation>得分 %1，等级 %2</translation>
    </message>
</context>
<context>
    <name>baton::RecordIssueDialog</name>
    <message>
        <source>Record Issue</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>In the work of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的工作中</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;What went wrong:</source>
        <translation>出了什么问题(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>日期(&amp;O)：</translation>
    </message>
    <message>
        <source>T&amp;ask:</source>
        <translation>任务(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>详情(&amp;D)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Say in a few words what went wrong.</source>
        <translation>请简要说明出了什么问题。</translation>
    </message>
</context>
<context>
    <name>baton::RecordValueDialog</name>
    <message>
        <source>Record Value</source>
        <translation>记录数值</translation>
    </message>
    <message>
        <source>Where the figure comes from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;target %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;目标值 %2，%3</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Measured on:</source>
        <translation>测量日期(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Say on which day the value was measured.</source>
        <translation>请说明该数值是哪一天测量的。</translation>
    </message>
</context>
<context>
    <name>baton::RemoveDependencyDialog</name>
    <message>
        <source>Remove Dependency</source>
        <translation>移除依赖</translation>
    </message>
    <message>
        <source>“%1” → “%2”</source>
        <translation>“%1” → “%2”</translation>
    </message>
    <message>
        <source>&amp;Dependency:</source>
        <translation>依赖(&amp;D)：</translation>
    </message>
    <message>
        <source>Remove dependency</source>
        <translation>移除依赖</translation>
    </message>
    <message>
        <source>This task has no dependencies.</source>
        <translation>此任务没有依赖。</translation>
    </message>
</context>
<context>
    <name>baton::ReportProgressDialog</name>
    <message>
        <source>Report Progress</source>
        <translation>汇报进度</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>汇报</translation>
    </message>
    <message>
        <source>What was done, what is next, what is in the way</source>
        <translation>已完成的工作、下一步计划、遇到的障碍</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;now %2%, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;当前 %2%，%3</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>进度(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>A task marked done is 100% complete.</source>
        <translation>标记为已完成的任务，进度必须为 100%。</translation>
    </message>
    <message>
        <source>Change the progress or say what was done.</source>
        <translation>请更改进度，或说明已完成的工作。</translation>
    </message>
</context>
<context>
    <name>baton::ReportsView</name>
    <message>
        <source>%1, submitted %2</source>
        <translation>%1，提交于 %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Blockers</source>
        <translation>障碍</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>暂无评论。</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>提交于 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n 条评论</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺交</translation>
    </message>
    <message>
        <source>Not in yet</source>
        <translation>尚未提交</translation>
    </message>
    <message>
        <source>Does not report weekly</source>
        <translation>无需提交周报</translation>
    </message>
    <message>
        <source>You have written no reports yet. Write one each week (%1): what was done, what is planned, what is in the way. Your supervisor reads it and may comment.</source>
        <translation>你还没有写过汇报。请每周写一份（%1）：完成了什么、计划做什么、遇到什么障碍。你的主管会阅读并可能发表评论。</translation>
    </message>
    <message>
        <source>%1 has not written the report for the week of %2.</source>
        <translation>%1 尚未撰写 %2 这一周的周报。</translation>
    </message>
    <message>
        <source>%1 has no report for the week of %2.</source>
        <translation>%1 没有 %2 这一周的周报。</translation>
    </message>
    <message>
        <source>%1&apos;s %2</source>
        <translation>%1 的%2</translation>
    </message>
    <message>
        <source>Your weekly report for the week of %1 to %2 is missing.</source>
        <translation>你 %1 至 %2 这一周的周报尚未提交。</translation>
    </message>
    <message>
        <source>Write It Now</source>
        <translation>立即撰写</translation>
    </message>
    <message>
        <source>My reports</source>
        <translation>我的汇报</translation>
    </message>
    <message>
        <source>My reports (%1)</source>
        <translation>我的汇报（%1）</translation>
    </message>
    <message>
        <source>Team reports (%1 missing)</source>
        <translation>团队汇报（缺交 %1 份）</translation>
    </message>
    <message>
        <source>Team reports</source>
        <translation>团队汇报</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>汇报</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>Week of %1 to %2</source>
        <translation>%1 至 %2 这一周</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ 较早</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>较晚 ▶</translation>
    </message>
    <message>
        <source>&amp;Write Report…</source>
        <translation>撰写汇报(&amp;W)…</translation>
    </message>
    <message>
        <source>Write your daily or weekly report (%1)</source>
        <translation>撰写你的日报或周报（%1）</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>评论(&amp;C)…</translation>
    </message>
    <message>
        <source>Comment on the selected report; comments are kept as written (%1)</source>
        <translation>评论所选汇报；评论一经发表即原样保留（%1）</translation>
    </message>
</context>
<context>
    <name>baton::RequestDialog</name>
    <message>
        <source>New Approval Request</source>
        <translation>新建审批申请</translation>
    </message>
    <message>
        <source>Resubmit Request</source>
        <translation>重新提交申请</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>e.g. 2860.00</source>
        <translation>例如 2860.00</translation>
    </message>
    <message>
        <source>&amp;Workflow:</source>
        <translation>流程(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>标题(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>详细说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Nobody chosen yet</source>
        <translation>尚未选择人员</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>There is no workflow to submit to. Someone who manages workflows adds them under Workflow Templates.</source>
        <translation>没有可提交的流程。负责管理流程的人员可在“流程模板”中添加。</translation>
    </message>
    <message>
        <source>Give the request a subject.</source>
        <translation>请填写申请标题。</translation>
    </message>
    <message>
        <source>Enter the amount claimed.</source>
        <translation>请输入报销金额。</translation>
    </message>
    <message>
        <source>The amount is a number with at most two decimals, such as 2860.50.</source>
        <translation>金额须为最多两位小数的数字，例如 2860.50。</translation>
    </message>
    <message>
        <source>The currency is a three-letter code, such as CNY.</source>
        <translation>币种须为三个字母的代码，例如 CNY。</translation>
    </message>
    <message>
        <source>Choose who acts at &quot;%1&quot;.</source>
        <translation>请选择节点“%1”的处理人。</translation>
    </message>
</context>
<context>
    <name>baton::RequestFeedbackDialog</name>
    <message>
        <source>Request Feedback</source>
        <translation>请求反馈</translation>
    </message>
    <message>
        <source>Peers to Ask</source>
        <translation>可邀请的同事</translation>
    </message>
    <message>
        <source>People Reporting to %1</source>
        <translation>%1 的下属</translation>
    </message>
    <message>
        <source>Colleagues who work beside %1</source>
        <translation>与 %1 共事的同事</translation>
    </message>
    <message>
        <source>People who report to %1</source>
        <translation>向 %1 汇报的人员</translation>
    </message>
    <message>
        <source>%1 has no manager on file</source>
        <translation>%1 没有登记的经理</translation>
    </message>
    <message>
        <source>Ask %1, their manager</source>
        <translation>邀请 %1（其经理）</translation>
    </message>
    <message>
        <source>%1 — entered by %2</source>
        <translation>%1 — 由 %2 录入</translation>
    </message>
    <message>
        <source>360 feedback on &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>对 &lt;b&gt;%1&lt;/b&gt; 的 360 度反馈</translation>
    </message>
    <message>
        <source>&amp;Peers:</source>
        <translation>同事(&amp;P)：</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>经理：</translation>
    </message>
    <message>
        <source>&amp;Reporting to them:</source>
        <translation>其下属(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Customers:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>Asked already: %1</source>
        <translation>已邀请：%1</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Choose whom to ask.</source>
        <translation>请选择要邀请的人。</translation>
    </message>
</context>
<context>
    <name>baton::ResolveAlertDialog</name>
    <message>
        <source>Resolve Warning</source>
        <translation>处理预警</translation>
    </message>
    <message>
        <source>What was done: a new date agreed, the report written, the request decided…</source>
        <translation>采取了哪些措施：约定了新日期、撰写了汇报、对请求作出了决定……</translation>
    </message>
    <message>
        <source>&amp;How resolved:</source>
        <translation>处理方式(&amp;H)：</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <source>Say how the warning was resolved.</source>
        <translation>请说明该预警是如何处理的。</translation>
    </message>
    <message>
        <source>The note is at most %1 characters long.</source>
        <translation>备注最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>baton::ResponsibilityEditor</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>For example: requirements and delivery of project A</source>
        <translation>例如：A 项目的需求与交付</translation>
    </message>
    <message>
        <source>What it covers: customers, systems, documents, deadlines</source>
        <translation>涵盖范围：客户、系统、文档、截止日期</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职责名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Name the business area, for example &quot;requirements and delivery of project A&quot;.</source>
        <translation>请写明业务范围，例如“A 项目的需求与交付”。</translation>
    </message>
    <message>
        <source>The title may be at most 200 characters long.</source>
        <translation>职责名称最多 200 个字符。</translation>
    </message>
    <message>
        <source>The details may be at most 4000 characters long.</source>
        <translation>详细说明最多 4000 个字符。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>未保存。%1</translation>
    </message>
    <message>
        <source>Retire responsibility</source>
        <translation>停用职责</translation>
    </message>
    <message>
        <source>Retire &quot;%1&quot;? It will no longer be listed for this position; its history is kept.</source>
        <translation>停用“%1”？停用后此岗位将不再列出该职责；其历史记录会保留。</translation>
    </message>
</context>
<context>
    <name>baton::ReviewsView</name>
    <message>
        <source>Cycle:</source>
        <translation>考核周期：</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Filter by name or number</source>
        <translation>按姓名或工号筛选</translation>
    </message>
    <message>
        <source>&amp;Rate…</source>
        <translation>评分(&amp;R)…</translation>
    </message>
    <message>
        <source>Give the selected person your rating for the cycle</source>
        <translation>给所选人员本周期的评分</translation>
    </message>
    <message>
        <source>Record &amp;issue…</source>
        <translation>记录问题(&amp;I)…</translation>
    </message>
    <message>
        <source>Record something that went wrong in the selected person&apos;s work</source>
        <translation>记录所选人员工作中出现的问题</translation>
    </message>
    <message>
        <source>Request &amp;feedback…</source>
        <translation>请求反馈(&amp;F)…</translation>
    </message>
    <message>
        <source>Ask peers, the manager, people reporting to them or customers about the selected person</source>
        <translation>就所选人员邀请同事、经理、下属或客户给出反馈</translation>
    </message>
    <message>
        <source>&amp;Close cycle…</source>
        <translation>关闭考核周期(&amp;C)…</translation>
    </message>
    <message>
        <source>Record every review, give the rewards and penalties of the rules, and close the cycle</source>
        <translation>记录所有考核，按规则兑现奖惩，并关闭考核周期</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>360 feedback</source>
        <translation>360 度反馈</translation>
    </message>
    <message>
        <source>As it stands now; recorded when the cycle closes.</source>
        <translation>当前状况；考核周期关闭时记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n without a stated cause</source>
        <translation>
            <numerusform>%n 个未说明原因</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n person(s)</source>
        <translation>
            <numerusform>%1 · %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n with a score</source>
        <translation>
            <numerusform> · %n 人已有得分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n not rated by their manager</source>
        <translation>
            <numerusform> · %n 人未经其经理评分</numerusform>
        </translation>
    </message>
    <message>
        <source>No review cycles yet</source>
        <translation>尚无考核周期</translation>
    </message>
    <message>
        <source>HR opens review cycles (a month, a quarter, a year); the people&apos;s reviews, feedback and issues belong to one.</source>
        <translation>考核周期（月度、季度、年度）由人事开启；人员的考核、反馈和问题均归属于某个周期。</translation>
    </message>
    <message>
        <source>No one to review here</source>
        <translation>此处没有需要考核的人员</translation>
    </message>
    <message>
        <source>No one matches “%1”</source>
        <translation>没有与“%1”匹配的人员</translation>
    </message>
    <message>
        <source>Reviews show the people your role lets you see who worked during the cycle.</source>
        <translation>考核列表显示你的角色可查看、且在该周期内在职的人员。</translation>
    </message>
    <message>
        <source>Try another name or employee number.</source>
        <translation>请尝试其他姓名或工号。</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Select a person to see their 360 feedback.</source>
        <translation>选择一名人员以查看其 360 度反馈。</translation>
    </message>
    <message>
        <source>Close Review Cycle</source>
        <translation>关闭考核周期</translation>
    </message>
    <message>
        <source>%1 of the goals&apos; weight measured: the indicator part rests on that part only.</source>
        <translation>目标权重中已衡量 %1：指标部分仅以这部分为依据。</translation>
    </message>
</context>
<context>
    <name>baton::ServerSettings</name>
    <message>
        <source>Signed out of the server. Changes made here are kept and sent when you sign in again.</source>
        <translation>已退出服务器登录。在这里所做的更改会保留，并在您重新登录后发送。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Register this database with your organisation&apos;s Baton server to sync it with the other offices. Baton keeps working offline and sends changes when the server can be reached.</source>
        <translation>将此数据库注册到贵单位的 Baton 服务器，以便与其他办公地点同步。Baton 离线时照常工作，能连上服务器时再发送更改。</translation>
    </message>
    <message>
        <source>&amp;Register This Device</source>
        <translation>注册此设备(&amp;R)</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sign Out of Server</source>
        <translation>退出服务器登录</translation>
    </message>
    <message>
        <source>This database syncs with %1 as %2.</source>
        <translation>此数据库以 %2 的身份与 %1 同步。</translation>
    </message>
    <message>
        <source>Signed out of %1: sign in again to resume sync.</source>
        <translation>已退出 %1 的登录：重新登录即可恢复同步。</translation>
    </message>
    <message>
        <source>Not registered with a server: this database works on its own.</source>
        <translation>未注册到服务器：此数据库独立工作。</translation>
    </message>
    <message>
        <source>The session token is kept in this computer&apos;s keychain.</source>
        <translation>会话令牌保存在这台电脑的钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain is available, so the session token is kept in this database file. Anyone who can read the file can use it until you sign out of the server.</source>
        <translation>没有可用的系统钥匙串，因此会话令牌保存在此数据库文件中。在您退出服务器登录之前，任何能读取该文件的人都可以使用它。</translation>
    </message>
    <message>
        <source>The session token will be kept in this computer&apos;s keychain, or in this database file if the keychain does not answer.</source>
        <translation>会话令牌将保存在本机的钥匙串中；如果钥匙串没有响应，则保存在此数据库文件中。</translation>
    </message>
</context>
<context>
    <name>baton::ServerSignInFields</name>
    <message>
        <source>Enter your account&apos;s user name on the server.</source>
        <translation>请输入您在服务器上的账号用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>https://baton.example.com:8443</source>
        <translation>https://baton.example.com:8443</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>baton::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Baton switches at once and remembers the choice on this computer.</source>
        <translation>Baton 会立即切换语言，并在本机记住您的选择。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>当前数据库：</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>本设备：</translation>
    </message>
    <message>
        <source>The name under which this computer&apos;s changes appear in the audit trail.</source>
        <translation>本机所做的更改在审计日志中显示的名称。</translation>
    </message>
    <message>
        <source>Baton opens this database when it starts. Each database has its own people, accounts and history; switching signs you out.</source>
        <translation>Baton 启动时会打开此数据库。每个数据库都有各自的员工、账号和历史记录；切换数据库会退出登录。</translation>
    </message>
    <message>
        <source>&amp;Open Another Database...</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Signed in as %1. The password protects your account and, later, the key you sign decisions with.</source>
        <translation>当前登录账号：%1。密码用于保护您的账号，今后也将保护您签署审批决定所用的密钥。</translation>
    </message>
    <message>
        <source>Open a Baton Database</source>
        <translation>打开 Baton 数据库</translation>
    </message>
    <message>
        <source>Baton databases (*.db *.baton);;All files (*)</source>
        <translation>Baton 数据库 (*.db *.baton);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Baton Database</source>
        <translation>新建 Baton 数据库</translation>
    </message>
    <message>
        <source>baton-new.db</source>
        <translation>baton-new.db</translation>
    </message>
    <message>
        <source>Baton databases (*.db)</source>
        <translation>Baton 数据库 (*.db)</translation>
    </message>
    <message>
        <source>%1 already exists. Baton never replaces a database; to use it, choose Open Another Database.</source>
        <translation>%1 已存在。Baton 从不覆盖已有的数据库；如需使用它，请选择“打开其他数据库”。</translation>
    </message>
    <message>
        <source>The language, database and sync server of this computer, and your own password.</source>
        <translation>这台电脑的语言、数据库和同步服务器，以及您自己的密码。</translation>
    </message>
</context>
<context>
    <name>baton::ShellStatusBar</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <source>Offline: no server configured</source>
        <translation>离线：未配置服务器</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation>待同步操作：%1</translation>
    </message>
    <message>
        <source>Changes made on this computer that no server has received yet. They are safe in the database.</source>
        <translation>在本机所做、尚未被任何服务器接收的更改。它们已安全保存在数据库中。</translation>
    </message>
    <message>
        <source>Baton works on this computer&apos;s database. Changes are kept and sent once a sync server is registered in Settings.</source>
        <translation>Baton 使用这台电脑上的数据库工作。更改会被保留，并在“设置”中注册同步服务器后发送。</translation>
    </message>
    <message>
        <source>Offline: signed out of the server</source>
        <translation>离线：已退出服务器登录</translation>
    </message>
    <message>
        <source>Sign in to %1 again in Settings to resume sync.</source>
        <translation>请在“设置”中重新登录 %1 以恢复同步。</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Online: syncing…</source>
        <translation>在线：正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing with %1.</source>
        <translation>正在与 %1 同步。</translation>
    </message>
    <message>
        <source>Offline: server unreachable</source>
        <translation>离线：无法连接服务器</translation>
    </message>
    <message>
        <source>%1
Changes are kept here and sent when the server answers again.</source>
        <translation>%1
更改保存在这里，服务器恢复响应后再发送。</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed: decide whether to trust it.</source>
        <translation>服务器证书已更改：请决定是否信任。</translation>
    </message>
    <message>
        <source>The server&apos;s new certificate was not trusted. Ask your administrator, then register this device again in Settings.</source>
        <translation>服务器的新证书未被信任。请咨询系统管理员，然后在“设置”中重新注册此设备。</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>The last time this computer and the server were in step.</source>
        <translation>这台电脑上次与服务器同步一致的时间。</translation>
    </message>
    <message>
        <source>Server certificate changed: review…</source>
        <translation>服务器证书已更改：查看…</translation>
    </message>
    <message>
        <source>SYNC STOPPED: the server&apos;s history does not add up. Details…</source>
        <translation>同步已停止：服务器的历史记录对不上。详情…</translation>
    </message>
    <message>
        <source>First sync: %1 of %2</source>
        <translation>首次同步：%1 / %2</translation>
    </message>
</context>
<context>
    <name>baton::SignDecisionDialog</name>
    <message>
        <source>Sign Decision</source>
        <translation>签署审批决定</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · submitted by %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · 申请人：%3</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>审批环节：%1</translation>
    </message>
    <message>
        <source>Your decision is signed with your key on this computer and recorded with the time and this computer&apos;s address. It cannot be changed afterwards.</source>
        <translation>您的审批决定将使用您在本机上的密钥签名，并连同时间和本机地址一并记录。签署后无法更改。</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>审批决定(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Opinion:</source>
        <translation>审批意见(&amp;O)：</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Say why you reject it: the submitter reads your opinion.</source>
        <translation>请说明驳回理由：申请人会看到您的审批意见。</translation>
    </message>
    <message>
        <source>Say what is missing: the submitter reads your opinion.</source>
        <translation>请说明需要补充的内容：申请人会看到您的审批意见。</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>请输入密码以签名。</translation>
    </message>
</context>
<context>
    <name>baton::StartDepartureDialog</name>
    <message>
        <source>&amp;Add Another Departure</source>
        <translation>再添加一项离职(&amp;A)</translation>
    </message>
    <message>
        <source>Departures to start:</source>
        <translation>待办理的离职：</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Start Departure</source>
        <translation>办理离职</translation>
    </message>
    <message>
        <source>Who Is Leaving</source>
        <translation>选择离职人员</translation>
    </message>
    <message>
        <source>Nobody chosen yet</source>
        <translation>尚未选择人员</translation>
    </message>
    <message>
        <source>Choose Successors</source>
        <translation>选择接任人</translation>
    </message>
    <message>
        <source>Who takes the work over</source>
        <translation>由谁接手工作</translation>
    </message>
    <message>
        <source>Choose the Supervisor</source>
        <translation>选择主管</translation>
    </message>
    <message>
        <source>Who approves the handover</source>
        <translation>由谁审批工作交接</translation>
    </message>
    <message>
        <source>e.g. Resigned, contract ended</source>
        <translation>例如：主动辞职、合同到期</translation>
    </message>
    <message>
        <source>The first day without access: the leaver&apos;s account stops working on this date.</source>
        <translation>无访问权限的第一天：离职人员的账号自该日起停用。</translation>
    </message>
    <message>
        <source>Keep this departure in the list and enter another one; all of them start together</source>
        <translation>将此离职保留在列表中并录入下一项；所有离职将一并开始办理</translation>
    </message>
    <message>
        <source>&amp;Leaver:</source>
        <translation>离职人员(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Departure date:</source>
        <translation>离职日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Successors:</source>
        <translation>接任人(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;upervisor:</source>
        <translation>主管(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>离职原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Choose who is leaving.</source>
        <translation>请选择离职人员。</translation>
    </message>
    <message>
        <source>%1 has left already.</source>
        <translation>%1 已经离职。</translation>
    </message>
    <message>
        <source>The departure of %1 is in the list already.</source>
        <translation>%1 的离职已在列表中。</translation>
    </message>
    <message>
        <source>Enter the departure date.</source>
        <translation>请输入离职日期。</translation>
    </message>
    <message>
        <source>The departure date %1 is before %2 was hired (%3).</source>
        <translation>离职日期 %1 早于 %2 的入职日期（%3）。</translation>
    </message>
    <message>
        <source>%1 is leaving and cannot be their own successor.</source>
        <translation>%1 即将离职，不能担任自己的接任人。</translation>
    </message>
    <message>
        <source>%1 is leaving and cannot approve their own handover.</source>
        <translation>%1 即将离职，不能审批自己的工作交接。</translation>
    </message>
    <message>
        <source>%1 is leaving the company too and cannot be a successor.</source>
        <translation>%1 也将离职，不能担任接任人。</translation>
    </message>
    <message>
        <source>%1 is leaving the company too and cannot be the supervisor.</source>
        <translation>%1 也将离职，不能担任主管。</translation>
    </message>
    <message>
        <source>%1 is leaving too (a departure in the list) and cannot take the work over.</source>
        <translation>%1 也将离职（列表中已有其离职），不能接手工作。</translation>
    </message>
    <message>
        <source>Choose at least one successor.</source>
        <translation>请至少选择一名接任人。</translation>
    </message>
    <message>
        <source>Choose the supervisor who approves the handover.</source>
        <translation>请选择审批此工作交接的主管。</translation>
    </message>
    <message>
        <source>Start All</source>
        <translation>全部开始</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>%1, leaving %2; successors %3; supervisor %4</source>
        <translation>%1，离职日期 %2；接任人 %3；主管 %4</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>已开始：%1</translation>
    </message>
    <message>
        <source>Not started: %1 — %2</source>
        <translation>未开始：%1 — %2</translation>
    </message>
    <message>
        <source>%1
Double-click to change it in the form</source>
        <translation>%1
双击可在表单中修改</translation>
    </message>
    <message>
        <source>%1 of %2 departures started. Those not started are marked in the list with the reason: double-click one to change it, or remove it.</source>
        <translation>%2 项离职中已开始办理 %1 项。未开始的项已在列表中标明原因：双击可修改，也可将其移除。</translation>
    </message>
</context>
<context>
    <name>baton::StateCauseDialog</name>
    <message>
        <source>State Cause</source>
        <translation>说明原因</translation>
    </message>
    <message>
        <source>Your supervisor confirms the cause or corrects it; both stay in your archive.</source>
        <translation>你的主管会确认或更正原因；两者都会保留在你的档案中。</translation>
    </message>
    <message>
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>发生了什么(&amp;W)：</translation>
    </message>
    <message>
        <source>State cause</source>
        <translation>说明原因</translation>
    </message>
    <message>
        <source>Say briefly what caused it.</source>
        <translation>请简要说明原因。</translation>
    </message>
</context>
<context>
    <name>baton::Store</name>
    <message>
        <source>reading the device id</source>
        <translation>读取设备 ID</translation>
    </message>
    <message>
        <source>saving the device id</source>
        <translation>保存设备 ID</translation>
    </message>
    <message>
        <source>reading an account</source>
        <translation>读取账号</translation>
    </message>
    <message>
        <source>The account %1 does not exist here.</source>
        <translation>本数据库中不存在账号 %1。</translation>
    </message>
    <message>
        <source>reading an account&apos;s roles</source>
        <translation>读取账号的角色</translation>
    </message>
    <message>
        <source>checking for repeated changes</source>
        <translation>检查重复的更改</translation>
    </message>
    <message>
        <source>reading a device clock</source>
        <translation>读取设备时钟</translation>
    </message>
    <message>
        <source>The change is dated before an earlier change from the same device.</source>
        <translation>该更改的时间早于同一设备之前的一次更改。</translation>
    </message>
    <message>
        <source>saving a device clock</source>
        <translation>保存设备时钟</translation>
    </message>
    <message>
        <source>The database is open read-only; nothing can be changed.</source>
        <translation>数据库以只读方式打开，无法进行任何更改。</translation>
    </message>
    <message>
        <source>Unknown kind of record &quot;%1&quot;.</source>
        <translation>未知的记录类型“%1”。</translation>
    </message>
    <message>
        <source>The change does not name the device that made it.</source>
        <translation>该更改未注明产生它的设备。</translation>
    </message>
    <message>
        <source>checking for an administrator</source>
        <translation>检查系统管理员</translation>
    </message>
    <message>
        <source>Changes must be made by a signed-in account.</source>
        <translation>更改必须由已登录的账号进行。</translation>
    </message>
    <message>
        <source>A record of kind &quot;%1&quot; has no field &quot;%2&quot;.</source>
        <translation>“%1”类记录没有字段“%2”。</translation>
    </message>
    <message>
        <source>This %1 already exists.</source>
        <translation>该 %1 已存在。</translation>
    </message>
    <message>
        <source>A %1 can only be added, not created.</source>
        <translation>%1 只能追加，不能创建。</translation>
    </message>
    <message>
        <source>A %1 must be created, not appended.</source>
        <translation>%1 必须创建，不能追加。</translation>
    </message>
    <message>
        <source>%1: a value is required.</source>
        <translation>%1：必须填写。</translation>
    </message>
    <message>
        <source>The %1 to change does not exist.</source>
        <translation>要修改的 %1 不存在。</translation>
    </message>
    <message>
        <source>A %1 cannot be changed once added.</source>
        <translation>%1 一经添加便不能修改。</translation>
    </message>
    <message>
        <source>This %1 has been retired and can no longer be changed.</source>
        <translation>该 %1 已停用，不能再修改。</translation>
    </message>
    <message>
        <source>Retiring a record takes no fields.</source>
        <translation>停用记录时不能附带字段。</translation>
    </message>
    <message>
        <source>%1 cannot be changed once set.</source>
        <translation>%1 一经设置便不能修改。</translation>
    </message>
    <message>
        <source>Injected write failure (test).</source>
        <translation>注入的写入失败（测试）。</translation>
    </message>
    <message>
        <source>writing the change log</source>
        <translation>写入变更日志</translation>
    </message>
    <message>
        <source>queueing a change for sync</source>
        <translation>将更改加入同步队列</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>writing the audit trail</source>
        <translation>写入审计日志</translation>
    </message>
    <message>
        <source>The database is open read-only; the event was not recorded.</source>
        <translation>数据库以只读方式打开，该事件未被记录。</translation>
    </message>
    <message>
        <source>counting audit entries</source>
        <translation>统计审计记录数</translation>
    </message>
    <message>
        <source>Not saved: another change made with it was refused.</source>
        <translation>未保存：同一次提交中的另一项更改被拒绝。</translation>
    </message>
    <message>
        <source>The change names another account as its author.</source>
        <translation>该更改将另一个账号标为作者。</translation>
    </message>
    <message>
        <source>The change names another device than the one sending it.</source>
        <translation>该更改标明的设备与发送它的设备不同。</translation>
    </message>
    <message>
        <source>reading the changes waiting to be sent</source>
        <translation>读取等待发送的更改</translation>
    </message>
    <message>
        <source>clearing sent changes</source>
        <translation>清除已发送的更改</translation>
    </message>
    <message>
        <source>reading a refused change</source>
        <translation>读取被拒绝的更改</translation>
    </message>
    <message>
        <source>keeping a refused change</source>
        <translation>保存被拒绝的更改</translation>
    </message>
    <message>
        <source>taking back a refused change</source>
        <translation>撤回被拒绝的更改</translation>
    </message>
    <message>
        <source>reading a record&apos;s history</source>
        <translation>读取记录的历史</translation>
    </message>
    <message>
        <source>reading this installation&apos;s settings</source>
        <translation>读取本机设置</translation>
    </message>
    <message>
        <source>saving this installation&apos;s settings</source>
        <translation>保存本机设置</translation>
    </message>
    <message>
        <source>The change gives a base version for &quot;%1&quot;, which it does not change as a guarded field.</source>
        <translation>该更改为“%1”指定了基准版本，但并未将其作为受保护字段进行修改。</translation>
    </message>
    <message>
        <source>A change of %1 must say which version it was based on.</source>
        <translation>修改%1时必须注明所基于的版本。</translation>
    </message>
    <message>
        <source>%1 was changed to &quot;%2&quot; at %3, after the version this change was based on; it was not applied.</source>
        <translation>%1已于 %3 被改为“%2”，晚于此更改所基于的版本；此更改未予应用。</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>%1 cannot go from &quot;%2&quot; to &quot;%3&quot;.</source>
        <translation>%1不能从“%2”变为“%3”。</translation>
    </message>
    <message>
        <source>forgetting a record no longer in view</source>
        <translation>在本地移除已不可见的记录</translation>
    </message>
</context>
<context>
    <name>baton::SyncClient</name>
    <message>
        <source>The server could not be reached: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Sync is stopped: %1</source>
        <translation>同步已停止：%1</translation>
    </message>
    <message>
        <source>Sign in to the server to sync this device.</source>
        <translation>请登录服务器以同步此设备。</translation>
    </message>
    <message>
        <source>This database syncs for another account; sign in as that account or use a new database.</source>
        <translation>此数据库为另一个账号同步；请以该账号登录，或使用新的数据库。</translation>
    </message>
    <message>
        <source>The server signs its log with a different key than the one this device pinned.</source>
        <translation>服务器签署日志所用的密钥与本设备固定的密钥不同。</translation>
    </message>
    <message>
        <source>The server&apos;s log is shorter than what this device has already received: its history was cut.</source>
        <translation>服务器日志比本设备已接收的还短：其历史记录被截断了。</translation>
    </message>
    <message>
        <source>The server answered for another position in its log.</source>
        <translation>服务器的回复对应的是日志中的另一个位置。</translation>
    </message>
    <message>
        <source>The server&apos;s log head is not signed by its pinned key: %1</source>
        <translation>服务器日志头未使用已固定的密钥签名：%1</translation>
    </message>
    <message>
        <source>The server sent entries beyond its signed log.</source>
        <translation>服务器发送的记录超出了其已签名的日志。</translation>
    </message>
    <message>
        <source>This device&apos;s record of the server&apos;s log is damaged.</source>
        <translation>本设备保存的服务器日志记录已损坏。</translation>
    </message>
    <message>
        <source>The server&apos;s log head is not signed by its pinned key.</source>
        <translation>服务器日志头未使用已固定的密钥签名。</translation>
    </message>
    <message>
        <source>The server now shows another log than the one this device synced with.</source>
        <translation>服务器现在出示的日志与本设备同步过的日志不是同一个。</translation>
    </message>
    <message>
        <source>The server&apos;s log is shorter than one it showed before (%1 entries, now %2): its history was cut.</source>
        <translation>服务器日志比它此前出示的更短（原 %1 条记录，现 %2 条）：其历史记录被截断了。</translation>
    </message>
    <message>
        <source>The server&apos;s log does not extend the one it showed before: its history was rewritten.</source>
        <translation>服务器日志不是它此前所出示日志的延续：其历史记录被改写了。</translation>
    </message>
    <message>
        <source>A change the server sent (entry %1) is not the one its log holds: the server&apos;s data was altered.</source>
        <translation>服务器发送的一条更改（第 %1 条记录）与其日志中的不符：服务器数据被篡改了。</translation>
    </message>
    <message>
        <source>The server&apos;s log entries do not add up to its signed head: its history was altered.</source>
        <translation>服务器日志的记录与其签名的日志头对不上：其历史记录被篡改了。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent yet.</source>
        <translation>
            <numerusform>%n 项更改尚未能发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server answered with another record&apos;s history.</source>
        <translation>服务器返回的是另一条记录的历史。</translation>
    </message>
    <message>
        <source>The server promised more of a record&apos;s history and sent none.</source>
        <translation>服务器表示还有更多记录历史，却未发送任何内容。</translation>
    </message>
</context>
<context>
    <name>baton::SyncController</name>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address such as https://baton.example:8443.</source>
        <translation>“%1”不是服务器地址，应类似 https://baton.example:8443。</translation>
    </message>
    <message>
        <source>Give only the server&apos;s address, without a user name, password, &quot;?&quot; or &quot;#&quot; part.</source>
        <translation>只填写服务器地址，不要包含用户名、密码、“?”或“#”部分。</translation>
    </message>
    <message>
        <source>Use https:// for %1. Plain http:// is allowed only for a server on this computer (localhost): elsewhere passwords and the company&apos;s data would cross the network unencrypted.</source>
        <translation>%1 请使用 https://。明文 http:// 只允许用于这台电脑上的服务器（localhost）：否则密码和公司数据会未经加密地在网络上传输。</translation>
    </message>
    <message>
        <source>A sync is running; try again in a moment.</source>
        <translation>正在同步，请稍后再试。</translation>
    </message>
    <message>
        <source>Sync is stopped by an alarm about the server; it cannot be restarted from here.</source>
        <translation>因服务器警报，同步已停止；无法在此处重新开始。</translation>
    </message>
    <message>
        <source>This database already syncs with %1. To use another server, create a new database and register it there.</source>
        <translation>此数据库已与 %1 同步。要使用其他服务器，请新建一个数据库并在那里注册。</translation>
    </message>
    <message>
        <source>Registered with %1; this device is in step.</source>
        <translation>已注册到 %1；本设备已同步一致。</translation>
    </message>
    <message>
        <source>Registered with %1. The first sync did not finish: %2</source>
        <translation>已注册到 %1。首次同步未完成：%2</translation>
    </message>
</context>
<context>
    <name>baton::TemplateNodesTable</name>
    <message>
        <source>Step %1: the amount is a number with at most two decimals.</source>
        <translation>第 %1 个环节：金额须为最多两位小数的数字。</translation>
    </message>
    <message>
        <source>Step %1: the deadline is a whole number of hours.</source>
        <translation>第 %1 个环节：截止时间须为整数小时数。</translation>
    </message>
    <message>
        <source>Step %1 needs a title.</source>
        <translation>第 %1 个环节需要名称。</translation>
    </message>
    <message>
        <source>Step %1 needs a key (letters, digits and _).</source>
        <translation>第 %1 个环节需要标识（字母、数字和 _）。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Only above amount</source>
        <translation>仅当金额超过</translation>
    </message>
    <message>
        <source>Deadline (hours)</source>
        <translation>时限（小时）</translation>
    </message>
    <message>
        <source>File required</source>
        <translation>需附件</translation>
    </message>
    <message>
        <source>Everyone must approve</source>
        <translation>需全部同意（会签）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)…</source>
        <translation>
            <numerusform>%n 人…</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>baton::TemplatesDialog</name>
    <message>
        <source>Add Step</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <source>Save as New Version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Workflow Templates</source>
        <translation>流程模板</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>%1 — inactive</source>
        <translation>%1 — 已停用</translation>
    </message>
    <message>
        <source>%1 · code %2 · version %3</source>
        <translation>%1 · 编码 %2 · 版本 %3</translation>
    </message>
    <message>
        <source>amounts in %1</source>
        <translation>金额以 %1 计</translation>
    </message>
    <message>
        <source>Saving makes a new version; requests already running keep the version they started with.</source>
        <translation>保存会生成新版本；正在进行的申请继续沿用其发起时的版本。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>请填写模板名称。</translation>
    </message>
    <message>
        <source>A workflow needs at least one step.</source>
        <translation>流程至少需要一个环节。</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为版本 %1。</translation>
    </message>
    <message>
        <source>Active: new requests may use it.</source>
        <translation>已启用：新申请可以使用此流程。</translation>
    </message>
    <message>
        <source>Inactive: no new requests; running ones go on.</source>
        <translation>已停用：不能发起新申请；进行中的申请继续进行。</translation>
    </message>
    <message>
        <source>New Template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <source>%1 · code %2 · new, not saved yet</source>
        <translation>%1 · 代码 %2 · 新建，尚未保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New Workflow Template</source>
        <translation>新建流程模板</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Department manager review</source>
        <translation>部门经理审核</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1（新建）</translation>
    </message>
    <message>
        <source>Who decides at this step</source>
        <translation>由谁审批此环节</translation>
    </message>
</context>
<context>
    <name>baton::TokenVault</name>
    <message>
        <source>the keychain did not answer</source>
        <translation>钥匙串没有响应</translation>
    </message>
</context>
<context>
    <name>baton::TrailDialog</name>
    <message>
        <source>You may not see this person&apos;s work trail.</source>
        <translation>您无权查看此人的工作轨迹。</translation>
    </message>
    <message>
        <source>Work trail</source>
        <translation>工作轨迹</translation>
    </message>
    <message>
        <source>Work trail: %1</source>
        <translation>工作轨迹：%1</translation>
    </message>
    <message>
        <source>Work trail of %1</source>
        <translation>%1 的工作轨迹</translation>
    </message>
    <message>
        <source>Search titles, text, senders and sources (%1)</source>
        <translation>搜索标题、正文、发送人和来源（%1）</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Import mail…</source>
        <translation>导入邮件…</translation>
    </message>
    <message>
        <source>Emails saved as .eml files or mbox mailboxes</source>
        <translation>保存为 .eml 文件或 mbox 邮箱的邮件</translation>
    </message>
    <message>
        <source>Import chat…</source>
        <translation>导入聊天记录…</translation>
    </message>
    <message>
        <source>Chat exports (WeCom, DingTalk) as CSV or JSON</source>
        <translation>以 CSV 或 JSON 格式导出的聊天记录（企业微信、钉钉）</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <source>Any files, or every file in a folder</source>
        <translation>任意文件，或某个文件夹中的所有文件</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>The newest %1 items; narrow the search to see older ones.</source>
        <translation>仅显示最新的 %1 条记录；缩小搜索范围可查看更早的记录。</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>记录数：%1</translation>
    </message>
    <message>
        <source>Import mail</source>
        <translation>导入邮件</translation>
    </message>
    <message>
        <source>Email (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>邮件 (*.eml *.mbox *.mbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a chat export</source>
        <translation>导入聊天记录导出文件</translation>
    </message>
    <message>
        <source>Chat exports (*.csv *.json);;All files (*)</source>
        <translation>聊天记录导出文件 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import every file in a folder</source>
        <translation>导入文件夹中的所有文件</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>A call, a meeting or an arrangement, written down (%1)</source>
        <translation>以文字记下的通话、会议或约定（%1）</translation>
    </message>
</context>
<context>
    <name>baton::TrailImportJob</name>
    <message>
        <source>Importing into the work trail…</source>
        <translation>正在导入工作轨迹…</translation>
    </message>
</context>
<context>
    <name>baton::TrailItemDialog</name>
    <message>
        <source>Work trail item</source>
        <translation>工作轨迹记录</translation>
    </message>
</context>
<context>
    <name>baton::TrailItemPane</name>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发送人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Conversation:</source>
        <translation>会话：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Save document…</source>
        <translation>保存文档…</translation>
    </message>
    <message>
        <source>Save the document&apos;s file as it was imported</source>
        <translation>按导入时的原样保存该文档的文件</translation>
    </message>
    <message>
        <source>Choose an item to read it in full.</source>
        <translation>请选择一条记录以查看完整内容。</translation>
    </message>
    <message>
        <source>This item is not on this computer.</source>
        <translation>本机上没有此记录。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
    <message>
        <source>No text could be read from this document; save it to open it with another program.</source>
        <translation>无法从此文档中读取文本；请将其保存后用其他程序打开。</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The document was saved to %1.</source>
        <translation>文档已保存到 %1。</translation>
    </message>
    <message>
        <source>This item has no document.</source>
        <translation>此记录没有文档。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>Saved the document &quot;%1&quot; of the work trail as %2</source>
        <translation>已将工作轨迹中的文档“%1”另存为 %2</translation>
    </message>
    <message>
        <source>The save could not be recorded in the audit trail, so the file was removed: %1</source>
        <translation>保存操作无法记入审计日志，因此已删除保存的文件：%1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Signed with %1&apos;s certificate; verified</source>
        <translation>已使用 %1 的证书签名；校验通过</translation>
    </message>
    <message>
        <source>Signed, but the signature does not check out: %1</source>
        <translation>已签名，但签名校验未通过：%1</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>流程：</translation>
    </message>
    <message>
        <source>Submitted by:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Approval decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>申请：</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>审批结果：</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>决定人：</translation>
    </message>
    <message>
        <source>Trusted time:</source>
        <translation>可信时间：</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>来源地址：</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>签名：</translation>
    </message>
    <message>
        <source>(no opinion)</source>
        <translation>（无审批意见）</translation>
    </message>
    <message>
        <source>Progress report on &quot;%1&quot;</source>
        <translation>“%1”的进度汇报</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>进度：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>汇报人：</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>Confirmation of &quot;%1&quot;</source>
        <translation>“%1”的进度确认</translation>
    </message>
    <message>
        <source>Work of:</source>
        <translation>任务负责人：</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>确认说明：</translation>
    </message>
    <message>
        <source>Confirmed by:</source>
        <translation>确认人：</translation>
    </message>
    <message>
        <source>(no statement)</source>
        <translation>（无确认说明）</translation>
    </message>
    <message>
        <source>Written by:</source>
        <translation>撰写人：</translation>
    </message>
    <message>
        <source>(empty report)</source>
        <translation>（空汇报）</translation>
    </message>
    <message>
        <source>Comment on &quot;%1&quot;</source>
        <translation>对“%1”的评论</translation>
    </message>
    <message>
        <source>On the work of:</source>
        <translation>所评工作的人员：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>In the work of:</source>
        <translation>所属员工：</translation>
    </message>
    <message>
        <source>Happened on:</source>
        <translation>发生日期：</translation>
    </message>
    <message>
        <source>Review cycle:</source>
        <translation>考核周期：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Not stated yet</source>
        <translation>尚未说明</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>记录人：</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>（无详情）</translation>
    </message>
    <message>
        <source>Cause of &quot;%1&quot;</source>
        <translation>“%1”的原因</translation>
    </message>
    <message>
        <source>Issue:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Cause stated:</source>
        <translation>所述原因：</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>Granted by:</source>
        <translation>授予人：</translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation>（无理由）</translation>
    </message>
</context>
<context>
    <name>baton::TrailModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>baton::WorkBoardView</name>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Cycle:</source>
        <translation>考核周期(&amp;C)：</translation>
    </message>
    <message>
        <source>Record Value…</source>
        <translation>记录数值…</translation>
    </message>
    <message>
        <source>Enter a measured value of the selected indicator (%1)</source>
        <translation>录入所选指标的测量值（%1）</translation>
    </message>
    <message>
        <source>Goal / indicator</source>
        <translation>目标 / 指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖度</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>Outside any cycle</source>
        <translation>不属于任何考核周期</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>我的目标</translation>
    </message>
    <message>
        <source>Goals of %1</source>
        <translation>%1 的目标</translation>
    </message>
    <message>
        <source>This account belongs to nobody on the staff: choose a person to see their board.</source>
        <translation>此账号不属于任何员工：请选择一名人员以查看其看板。</translation>
    </message>
    <message>
        <source>You have no goals in this cycle yet. Your manager or HR sets them on the Goals page; choose another cycle to see earlier ones.</source>
        <translation>你在此考核周期中还没有目标。你的经理或人事会在“目标”页面设定；选择其他考核周期可查看以往的目标。</translation>
    </message>
    <message>
        <source>%1 has no goals in this cycle yet. Set them on the Goals page.</source>
        <translation>%1 在此考核周期中还没有目标。请在“目标”页面设定。</translation>
    </message>
    <message>
        <source>Overall %1 · measured: %2 of the plan</source>
        <translation>总计 %1 · 已衡量：计划的 %2</translation>
    </message>
    <message>
        <source>Overall: nothing measured yet</source>
        <translation>总计：尚无衡量数据</translation>
    </message>
    <message>
        <source>Measured on %1</source>
        <translation>测量于 %1</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>暂无数值</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>Tasks of %1</source>
        <translation>%1 的任务</translation>
    </message>
    <message>
        <source>No open tasks. Tasks you are given appear here, overdue first.</source>
        <translation>没有未完成的任务。分配给你的任务会显示在这里，逾期任务排在最前。</translation>
    </message>
    <message>
        <source>%1 has no open tasks.</source>
        <translation>%1 没有未完成的任务。</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::WriteReportDialog</name>
    <message>
        <source>Finished this period: results, not hours</source>
        <translation>本期完成：写成果，而非工时</translation>
    </message>
    <message>
        <source>Next: what you will do</source>
        <translation>下一步：你将要做什么</translation>
    </message>
    <message>
        <source>What is in the way, and whose help you need (optional)</source>
        <translation>遇到的障碍，以及需要谁的帮助（可选）</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>撰写汇报</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>汇报(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>期间(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Done:</source>
        <translation>已完成(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>计划(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Blockers:</source>
        <translation>障碍(&amp;B)：</translation>
    </message>
    <message>
        <source>Submit Report</source>
        <translation>提交汇报</translation>
    </message>
    <message>
        <source>The week of %1 to %2</source>
        <translation>%1 至 %2 这一周</translation>
    </message>
    <message>
        <source>Choose the day or the week the report is for.</source>
        <translation>请选择汇报对应的日期或周。</translation>
    </message>
    <message>
        <source>A report cannot be written for a period that has not begun.</source>
        <translation>不能为尚未开始的期间撰写汇报。</translation>
    </message>
    <message>
        <source>Your weekly report for the week of %1 is in already.</source>
        <translation>你 %1 这一周的周报已提交。</translation>
    </message>
    <message>
        <source>Your daily report for %1 is in already.</source>
        <translation>你 %1 的日报已提交。</translation>
    </message>
    <message>
        <source>Say what was done or what is planned.</source>
        <translation>请说明完成了什么或计划做什么。</translation>
    </message>
    <message>
        <source>Each part of a report is at most %1 characters long.</source>
        <translation>汇报的每部分最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Baton: traceable responsibility for HR.</source>
        <translation>Baton：可追溯的人事责任管理。</translation>
    </message>
    <message>
        <source>Open the database FILE (created when missing).</source>
        <translation>打开数据库 FILE（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Use the interface language LANG (en or zh_CN).</source>
        <translation>使用界面语言 LANG（en 或 zh_CN）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Unknown language: %1 (use en or zh_CN).</source>
        <translation>未知语言：%1（请使用 en 或 zh_CN）。</translation>
    </message>
</context>
</TS>
