<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详情：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本条哈希：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间（UTC）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未写明）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反映人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被反映人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;分类：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;处置：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>摘要：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（尚未摘要）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟办意见：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大小：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加入时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编制日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉及金额（元）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任主体：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立行立改：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题概述：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现过程：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拟移交单位：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>具体问题：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理结果：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话对象：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象确认：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标题：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题归类：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题表现：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改措施：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分管领导：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>牵头部门：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要负责人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>销号日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评估等次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>进展：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>了解要点：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况记录：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联底稿：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总体评价：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结论：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题底稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编制日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>具体问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监督清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监督重点事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政治画像</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题表现</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡察工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能执行此操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提交复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回底稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始推进</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转为长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <source>加入附件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择要加入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在加密保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>校验哈希链</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>哈希链完整：共 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已移交线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改完成率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索反馈逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题按监督重点（方面）分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件按渠道分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件按分类分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分类</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>登记信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>匿名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每行一人：姓名 职务 单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被巡察对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反映人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>登记信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在上方选择巡察轮次，再登记信访件。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>巡察工作台已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入口令解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>巡察工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡察轮次：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部轮次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message numerus="yes">
        <source>共 %n 条</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>没有符合条件的记录。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>全局检索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入关键词：一个字、两个字、多字词或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 条</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>解锁巡察工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口令</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口令错误次数过多，请 %1 秒后再试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>操作失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参数有误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名或口令不正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>口令错误次数过多，请稍后再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该用户已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复码不正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据完整性校验失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密钥文件已损坏或格式不正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审计日志链校验失败：记录被删除或篡改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件已损坏或被篡改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件已损坏、被篡改或不是本系统的备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到数据库，请先初始化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前用户无权执行此操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与现有数据冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目标位置已有数据库，不会覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库已锁定，请重新解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入不符合要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前状态不允许此操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导干部问题应登记为问题线索，不能形成底稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超过允许的大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>磁盘空间不足，操作已取消，数据未改变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库由更新版本的程序创建，请升级本程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包被拒收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是数据包文件，或文件头已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包不是加密给本单位的，无法解密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包已损坏、被截断或被篡改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包内容不是本系统的格式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包格式版本不受支持</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包内容不完整（被截断）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包末尾有多余的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包超过允许的大小或数量上限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包清单格式不正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包签名无效：内容可能被篡改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备证书无效或不是本巡察办签发的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备证书已过期或尚未生效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发送设备未在本巡察办登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发送设备已被吊销，拒收其数据包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包清单中的接收方不是本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此类数据包不能在本数据库导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包由不同版本的程序生成，请先统一程序版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包中文件的大小与清单不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包中文件的校验值与清单不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包中的记录不符合格式要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录引用的附件既不在数据包中，也不在本数据库中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包中的记录不属于清单声明的巡察轮次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同一设备的同一序号已导入过另一个数据包：可能是重放或伪造，请核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包编号已被另一个内容不同的数据包使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据包与该设备此前的数据包链不衔接：可能是伪造或设备数据被回滚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写入暂存文件失败，数据未改变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备登记失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记申请文件无效或被改动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备证书文件无效、被改动或不是发给本设备的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指纹与核对值不一致：请勿继续，并通过电话等其他渠道核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前数据库状态不允许此操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回执所列数据包与本设备的导出记录不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本轮还有数据未经巡察办回执确认，不能清理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有这条冲突记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作秘密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>常规</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交叉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回头看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>副组长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专职</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相对固定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抽调</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>特别关注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重点关注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般关注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>市管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>乡管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必谈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选谈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约谈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自愿来谈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小信封</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来电</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二维码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意见箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题线索类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般性问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不属受理范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重复件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转为线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纳入了解/底稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留存备查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>了结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已上组务会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政治纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>廉洁纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>群众纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生活纪律</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编制中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待审签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已审签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办人编制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>副组长复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组长审签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主体责任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第一责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要领导责任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>直接责任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会议记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务凭证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问卷统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>音视频</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纪委监委</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单移交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双移交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谈话函询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初步核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂存待查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>予以了结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已移交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已接收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>听取汇报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>座谈会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列席会议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调阅资料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民主测评/问卷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实地走访/下沉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专项检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人事项抽查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未开展</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>了解中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政策清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职能清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>综合监督信息清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导班子</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未启动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>推进中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>较好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡察报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专题报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>线索报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立行立改通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡察建议书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政治画像报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已批准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>永久</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的文书类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少生成该文书所需的轮次、对象或记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件已存在，不会覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板不可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是本系统导出的台账文件，或表头已被改动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录员/信访专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>巡察办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安全保密管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安全审计员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题底稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>干部/人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被巡察对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类数据有误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到该分类数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>发生意外错误，操作未完成，数据未改变。详情已写入日志。（WB-INTERNAL）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
